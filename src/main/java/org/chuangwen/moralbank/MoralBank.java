package org.chuangwen.moralbank;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.people.ResidentRef;
import org.chuangwen.people.Residents;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.chuangwen.platform.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The moral bank's facade: every call checks the caller's scope (a foreign account answers 404, a read-only role 403
 * on writes) and every movement is one posting between two accounts of the same community.
 */
@Service
class MoralBank {

	private final Books books;
	private final Rewards rewards;
	private final Residents residents;
	private final Orgs orgs;
	private final DataScope scope;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final Clock clock;

	MoralBank(Books books, Rewards rewards, Residents residents, Orgs orgs, DataScope scope, WriteTransactions transactions, AuditLog audit, Clock clock) {
		this.books = books;
		this.rewards = rewards;
		this.residents = residents;
		this.orgs = orgs;
		this.scope = scope;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/** A movement asked for through the API; which of {@code rewardId} and {@code reversesId} counts depends on the kind. */
	record Request(Long accountId, String kind, Long points, String memo, Long rewardId, Long reversesId) {}

	record Statement(Account account, long balance, List<Posting> postings) {}

	record Balance(Account account, long balance) {}

	/** The resident's account, opened on first use. @throws UserFacingException 404 for a resident outside the scope */
	Account openFor(long residentId) {
		ResidentRef resident = residents.resident(residentId).orElseThrow(() -> UserFacingException.notFound("error.scope.not-found"));
		scope.checkWrite(resident.orgPath(), resident.buildingId(), "resident", residentId);
		return accountOf(resident);
	}

	/** The resident's account without a write check, for the listener converting hours the caller just confirmed. */
	Account accountOf(ResidentRef resident) {
		String key = "R:" + resident.id();
		return books.byHolderKey(key).orElseGet(() -> {
			OrgUnit building = orgs.find(resident.buildingId()).orElseThrow();
			OrgUnit community = orgs.communityOf(building).orElse(building);
			return open(key, Account.RESIDENT, resident.id(), resident.name(), community.id(), resident.orgPath());
		});
	}

	Statement statement(long accountId) {
		Account account = readable(accountId);
		return new Statement(account, books.balance(accountId), books.postings(accountId));
	}

	List<Balance> accounts(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		return books.residentAccounts(unit.path()).stream().map(a -> new Balance(a, books.balance(a.id()))).toList();
	}

	/** Posts one movement for a resident's account. */
	Posting post(Request request) {
		if (request.accountId() == null || request.kind() == null) {
			throw UserFacingException.badRequest("invalid_posting", "moralbank.error.posting");
		}
		Account account = writable(request.accountId());
		String memo = Text.blankToNull(request.memo() == null ? null : Text.check("memo", request.memo().strip(), false));
		if (memo != null && memo.length() > 500) {
			throw UserFacingException.badRequest("invalid_memo", "moralbank.error.memo");
		}
		String by = scope.user().username();
		Posting posted = transactions.run(() -> switch (request.kind()) {
			case Posting.DEPOSIT -> {
				long points = points(request.points());
				yield post(system(account, Account.ISSUANCE).id(), account.id(), points, Posting.DEPOSIT, required(memo), null, null, null, by);
			}
			case Posting.DEDUCTION -> {
				long points = points(request.points());
				yield post(account.id(), system(account, Account.DEDUCTIONS).id(), points, Posting.DEDUCTION, required(memo), null, null, null, by);
			}
			case Posting.REDEMPTION -> {
				Rewards.Reward reward = rewards.of(request.rewardId(), account.orgUnitId());
				books.lock(account.id());
				if (books.balance(account.id()) < reward.points()) {
					throw UserFacingException.badRequest("insufficient_balance", "moralbank.error.insufficient", books.balance(account.id()), reward.points());
				}
				yield post(account.id(), system(account, Account.REWARDS).id(), reward.points(), Posting.REDEMPTION, memo == null ? reward.name() : memo,
						null, reward.id(), null, by);
			}
			case Posting.REVERSAL -> reverse(account, request.reversesId(), memo, by);
			default -> throw UserFacingException.badRequest("invalid_kind", "moralbank.error.kind");
		});
		audit.record("MORAL_BANK_POSTED", "moral_posting", posted.id(), account.orgUnitId(), posted.kind() + " " + posted.points());
		return posted;
	}

	private Posting reverse(Account account, Long reversesId, String memo, String by) {
		Posting original = reversesId == null ? null : books.posting(reversesId).orElse(null);
		if (original == null || original.debitAccountId() != account.id() && original.creditAccountId() != account.id()) {
			throw UserFacingException.notFound("error.scope.not-found");
		}
		if (Posting.REVERSAL.equals(original.kind())) {
			throw UserFacingException.badRequest("invalid_reversal", "moralbank.error.reversal-of-reversal");
		}
		books.lock(account.id());
		if (books.reversed(original.id())) {
			throw UserFacingException.conflict("already_reversed", "moralbank.error.already-reversed");
		}
		return reverse(original, memo == null ? "冲正 #" + original.id() : memo, by);
	}

	/** The reversing posting: the same points the other way, referencing the original. */
	Posting reverse(Posting original, String memo, String by) {
		return post(original.creditAccountId(), original.debitAccountId(), original.points(), Posting.REVERSAL, memo, original.id(), original.rewardId(),
				original.serviceRecordId(), by);
	}

	Posting post(long debit, long credit, long points, String kind, String memo, Long reverses, Long reward, Long record, String by) {
		Instant now = Instant.now(clock);
		long id = books.post(debit, credit, points, kind, LocalDate.ofInstant(now, Zones.SHANGHAI), memo, reverses, reward, record, by, now);
		return books.posting(id).orElseThrow();
	}

	/** The community's system account of this kind, opened on first use. */
	Account system(Account resident, String kind) {
		String key = kind + ":" + resident.orgUnitId();
		return books.byHolderKey(key).orElseGet(() -> {
			OrgUnit community = orgs.find(resident.orgUnitId()).orElseThrow();
			return open(key, kind, null, community.name(), community.id(), community.path());
		});
	}

	private Account open(String key, String kind, Long residentId, String name, long unitId, String path) {
		try {
			return books.open(key, kind, residentId, name, unitId, path, actor(), Instant.now(clock));
		} catch (DuplicateKeyException e) {
			// opened at the same moment by another request: the one row is what we want
			return books.byHolderKey(key).orElseThrow();
		}
	}

	/** Who posts: the caller, or {@code system} for a listener that runs without one. */
	String actor() {
		try {
			return scope.user().username();
		} catch (UserFacingException e) {
			return "system";
		}
	}

	Account readable(long accountId) {
		Account account = books.account(accountId).orElse(null);
		scope.checkRead(account == null ? null : account.orgPath(), account == null ? null : account.orgUnitId(), "moral_account", accountId);
		return account;
	}

	private Account writable(long accountId) {
		Account account = books.account(accountId).orElse(null);
		scope.checkWrite(account == null ? null : account.orgPath(), account == null ? null : account.orgUnitId(), "moral_account", accountId);
		if (!Account.RESIDENT.equals(account.kind())) {
			throw new UserFacingException(HttpStatus.BAD_REQUEST, "system_account", "moralbank.error.system-account");
		}
		return account;
	}

	private static long points(Long points) {
		if (points == null || points <= 0 || points > 1_000_000) {
			throw UserFacingException.badRequest("invalid_points", "moralbank.error.points");
		}
		return points;
	}

	private static String required(String memo) {
		if (memo == null) {
			throw UserFacingException.badRequest("memo_required", "moralbank.error.memo-required");
		}
		return memo;
	}
}
