/**
 * 整改 tasks: a gap of a unit (a kind of evidence missing from an indicator's box, or a target not met) given to an
 * account with a deadline; a task closes itself when its gap closes, overdue tasks stand out and remind their assignee
 * and the community's workers in the app and, when SMTP is configured, by e-mail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package org.chuangwen.tasks;
