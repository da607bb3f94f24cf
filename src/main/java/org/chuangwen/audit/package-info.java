/** Who did what to which record, when and from where: logins, failures, denials and every change. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.chuangwen.audit;
