package org.chuangwen.moralbank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.chuangwen.people.ResidentRef;
import org.chuangwen.people.Residents;
import org.chuangwen.volunteers.ServiceHoursConfirmed;
import org.chuangwen.volunteers.ServiceHoursCorrected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Confirmed volunteer hours of a volunteer linked to a resident become a deposit at
 * {@code chuangwen.moral-bank.points-per-hour}, once per service record. A correction reverses the standing deposit
 * and posts the corrected one, so the history shows both. Runs in the publisher's transaction: if the posting fails,
 * so does the confirmation, and the books never miss hours that count.
 */
@Component
class HoursDeposits {

	private static final Logger log = LoggerFactory.getLogger(HoursDeposits.class);

	private final MoralBank bank;
	private final Books books;
	private final Residents residents;
	private final MoralBankProperties properties;

	HoursDeposits(MoralBank bank, Books books, Residents residents, MoralBankProperties properties) {
		this.bank = bank;
		this.books = books;
		this.residents = residents;
		this.properties = properties;
	}

	@EventListener
	void confirmed(ServiceHoursConfirmed event) {
		if (event.residentId() == null) {
			return;
		}
		ResidentRef resident = residents.resident(event.residentId()).orElse(null);
		if (resident == null) {
			// the confirming caller cannot see the linked resident: the volunteer's link points outside their scope
			log.warn("Service record {} not converted: resident {} is outside the confirming caller's scope", event.recordId(), event.residentId());
			return;
		}
		Account account = bank.accountOf(resident);
		if (!books.firstTimeSeen(event.recordId(), account.id())) {
			return;
		}
		deposit(account, event.hours(), event.recordId());
	}

	@EventListener
	void corrected(ServiceHoursCorrected event) {
		books.standingDeposit(event.recordId()).ifPresent(standing -> {
			Account account = books.account(standing.creditAccountId()).orElseThrow();
			bank.reverse(standing, "服务时长更正 " + event.oldHours().stripTrailingZeros().toPlainString() + " → "
					+ event.newHours().stripTrailingZeros().toPlainString() + " 小时", bank.actor());
			deposit(account, event.newHours(), event.recordId());
		});
	}

	private void deposit(Account account, BigDecimal hours, long recordId) {
		long points = hours.multiply(BigDecimal.valueOf(properties.pointsPerHour())).setScale(0, RoundingMode.HALF_UP).longValueExact();
		if (points <= 0) {
			return;
		}
		bank.post(bank.system(account, Account.ISSUANCE).id(), account.id(), points, Posting.DEPOSIT,
				"志愿服务 " + hours.stripTrailingZeros().toPlainString() + " 小时", null, null, recordId, bank.actor());
	}
}
