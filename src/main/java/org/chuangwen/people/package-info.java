/**
 * Residents and households per building: the roster imported from Excel or kept in a form, personal data encrypted
 * and masked, and the Ⅲ-53 figure of residents taking part in 公益 activities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package org.chuangwen.people;
