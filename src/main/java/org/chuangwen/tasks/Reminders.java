package org.chuangwen.tasks;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.CurrentUser;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.orgs.Role;
import org.chuangwen.orgs.Staff;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the assignee of each overdue task and its community's workers (the community head is whoever works there): a
 * notice in the app, and an e-mail when SMTP is configured ({@code spring.mail.host}) and the account gave an address.
 * At most one reminder per task and day, however often the job or the endpoint runs.
 */
@Component
class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private final TaskRows rows;
	private final Tasks tasks;
	private final Accounts accounts;
	private final Orgs orgs;
	private final DataScope scope;
	private final AuditLog audit;
	private final ObjectProvider<JavaMailSender> mail;
	private final TaskProperties properties;
	private final MessageSource messages;

	Reminders(TaskRows rows, Tasks tasks, Accounts accounts, Orgs orgs, DataScope scope, AuditLog audit, ObjectProvider<JavaMailSender> mail,
			TaskProperties properties, MessageSource messages) {
		this.rows = rows;
		this.tasks = tasks;
		this.accounts = accounts;
		this.orgs = orgs;
		this.scope = scope;
		this.audit = audit;
		this.mail = mail;
		this.properties = properties;
		this.messages = messages;
	}

	record Sent(int tasks, int notices, int mails) {}

	@Scheduled(cron = "${chuangwen.tasks.reminder-cron:0 30 8 * * *}", zone = Zones.SHANGHAI_ID)
	void daily() {
		Sent sent = send("");
		log.info("Task reminders: {} overdue tasks reminded, {} notices, {} e-mails", sent.tasks(), sent.notices(), sent.mails());
	}

	/**
	 * Sends today's reminders for the caller's scope now (operators, tests); a street office or the system administrator.
	 *
	 * @throws UserFacingException 403 for any other role
	 */
	Sent sendNow() {
		CurrentUser me = scope.user();
		if (!me.has(Role.ADMIN) && !me.has(Role.STREET)) {
			audit.record("DENIED", "task_reminder", null, null, "reminders by " + me.roles());
			throw UserFacingException.forbidden("error.tasks.reminders-forbidden");
		}
		return send(me.orgPath());
	}

	private Sent send(String pathPrefix) {
		LocalDate today = tasks.today();
		tasks.recheckAsCreators(rows.openOverdue(pathPrefix, today));
		int reminded = 0;
		int notices = 0;
		int mails = 0;
		for (Task task : rows.openOverdue(pathPrefix, today)) {
			if (!claim(task, today)) {
				continue;
			}
			reminded++;
			OrgUnit unit = orgs.find(task.orgUnitId()).orElse(null);
			String unitName = unit == null ? "" : unit.name();
			String subject = messages.getMessage("tasks.reminder.subject", new Object[] {unitName}, Tasks.STORED);
			String body = messages.getMessage("tasks.reminder.body", new Object[] {unitName, task.gapText(), task.due().toString(), task.assignee()},
					Tasks.STORED);
			for (Staff recipient : recipients(task, unit).values()) {
				boolean mailed = mail(recipient, subject, body);
				rows.notice(recipient.username(), task.id(), body, mailed, tasks.now());
				notices++;
				mails += mailed ? 1 : 0;
			}
		}
		return new Sent(reminded, notices, mails);
	}

	private boolean claim(Task task, LocalDate today) {
		try {
			return rows.claimReminder(task.id(), today, tasks.now());
		} catch (DuplicateKeyException e) {
			// another run claimed it in the same instant
			return false;
		}
	}

	/** The assignee, then the workers of the task's community, each once. */
	private Map<String, Staff> recipients(Task task, OrgUnit unit) {
		Map<String, Staff> recipients = new LinkedHashMap<>();
		accounts.staff(task.assignee()).ifPresent(s -> recipients.put(s.username(), s));
		if (unit != null) {
			orgs.communityOf(unit).map(c -> accounts.staffAt(c.id())).orElse(List.of()).stream().filter(s -> s.has(Role.WORKER))
					.forEach(s -> recipients.putIfAbsent(s.username(), s));
		}
		return recipients;
	}

	private boolean mail(Staff recipient, String subject, String body) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null || recipient.email() == null) {
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(properties.mailFrom());
		message.setTo(recipient.email());
		message.setSubject(subject);
		message.setText(body);
		try {
			sender.send(message);
			return true;
		} catch (MailException e) {
			// the notice in the app still stands; the address stays out of the log (personal data)
			log.warn("Reminder e-mail to {} not sent: {}", recipient.username(), e.getMessage());
			return false;
		}
	}
}
