/**
 * Who did what to which record, when and from where: logins, failures, denials and every change, in an
 * append-only, hash-chained trail that only audit administrators read, verify and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.chuangwen.audit;
