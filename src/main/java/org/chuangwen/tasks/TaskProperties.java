package org.chuangwen.tasks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders of overdue tasks.
 *
 * @param reminderCron when the daily reminder job runs, Asia/Shanghai time
 * @param defaultDays the deadline of a task made by one click, in days from today
 * @param mailFrom the sender of reminder e-mails (sent only when {@code spring.mail.host} is set)
 */
@ConfigurationProperties("chuangwen.tasks")
record TaskProperties(@DefaultValue("0 30 8 * * *") String reminderCron, @DefaultValue("14") int defaultDays, @DefaultValue("chuangwen@localhost") String mailFrom) {}
