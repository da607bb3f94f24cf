package org.chuangwen.moralbank;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Applications for a deposit for a good deed: entered by one person, pending until another — a worker or the street
 * office, never the one who entered it — confirms (which posts the deposit) or refuses it with a reason.
 */
@Component
class Applications {

	record Application(long id, long accountId, String holder, long points, String deed, String enteredBy, String status, String decidedBy,
			String reason, Long postingId) {}

	private static final String SELECT = """
			select a.id, a.account_id, m.holder_name, a.points, a.deed, a.entered_by, a.status, a.decided_by, a.reason, a.posting_id, a.org_path
			from moral_application a join moral_account m on m.id = a.account_id""";

	private final JdbcClient jdbc;
	private final MoralBank bank;
	private final DataScope scope;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final Clock clock;

	Applications(JdbcClient jdbc, MoralBank bank, DataScope scope, WriteTransactions transactions, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.bank = bank;
		this.scope = scope;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	Application apply(Long accountId, Long points, String deed) {
		if (accountId == null) {
			throw UserFacingException.badRequest("invalid_posting", "moralbank.error.posting");
		}
		Account account = bank.readable(accountId);
		scope.checkWrite(account.orgPath(), account.orgUnitId(), "moral_account", accountId);
		if (points == null || points <= 0 || points > 1_000_000) {
			throw UserFacingException.badRequest("invalid_points", "moralbank.error.points");
		}
		String text = deed == null ? null : Text.blankToNull(Text.check("deed", deed.strip(), false));
		if (text == null || text.length() > 500) {
			throw UserFacingException.badRequest("memo_required", "moralbank.error.memo-required");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into moral_application (account_id, org_path, points, deed, entered_by, entered_at, status)
				values (:a, :p, :pts, :deed, :by, :at, 'PENDING')""")
				.param("a", accountId).param("p", account.orgPath()).param("pts", points).param("deed", text).param("by", scope.user().username())
				.param("at", Timestamp.from(Instant.now(clock))).update(key, "id");
		return find(key.getKey().longValue());
	}

	List<Application> pending() {
		return jdbc.sql(SELECT + " where a.org_path like :p and a.status = 'PENDING' order by a.id").param("p", scope.path() + "%")
				.query((rs, n) -> row(rs)).list();
	}

	Application confirm(long id) {
		return decide(id, true, null);
	}

	Application refuse(long id, String reason) {
		String why = reason == null ? null : Text.blankToNull(Text.check("reason", reason.strip(), false));
		if (why == null || why.length() > 500) {
			throw UserFacingException.badRequest("memo_required", "moralbank.error.memo-required");
		}
		return decide(id, false, why);
	}

	private Application decide(long id, boolean confirm, String reason) {
		Application application = find(id);
		String orgPath = jdbc.sql("select org_path from moral_application where id = :id").param("id", id).query(String.class).single();
		scope.checkWrite(orgPath, null, "moral_application", id);
		String me = scope.user().username();
		if (application.enteredBy().equals(me)) {
			audit.record("DENIED", "moral_application", id, null, "decision on own application");
			throw new UserFacingException(HttpStatus.FORBIDDEN, "same_person", "moralbank.error.same-person");
		}
		transactions.run(() -> {
			int changed = jdbc.sql("update moral_application set status = :s, decided_by = :by, decided_at = :at, reason = :r where id = :id and status = 'PENDING'")
					.param("s", confirm ? "CONFIRMED" : "REFUSED").param("by", me).param("at", Timestamp.from(Instant.now(clock))).param("r", reason)
					.param("id", id).update();
			if (changed != 1) {
				throw UserFacingException.conflict("already_decided", "moralbank.error.already-decided");
			}
			if (confirm) {
				Posting posted = bank.post(new MoralBank.Request(application.accountId(), Posting.DEPOSIT, application.points(), application.deed(), null, null));
				jdbc.sql("update moral_application set posting_id = :p where id = :id").param("p", posted.id()).param("id", id).update();
			}
			return null;
		});
		audit.record(confirm ? "MORAL_BANK_APPLICATION_CONFIRMED" : "MORAL_BANK_APPLICATION_REFUSED", "moral_application", id, null, reason);
		return find(id);
	}

	Application find(long id) {
		Object[] found = jdbc.sql(SELECT + " where a.id = :id").param("id", id).query((rs, n) -> new Object[] {row(rs), rs.getString("org_path")})
				.optional().orElse(null);
		scope.checkRead(found == null ? null : (String) found[1], null, "moral_application", id);
		return (Application) found[0];
	}

	private static Application row(java.sql.ResultSet rs) throws java.sql.SQLException {
		long posting = rs.getLong("posting_id");
		return new Application(rs.getLong("id"), rs.getLong("account_id"), rs.getString("holder_name"), rs.getLong("points"), rs.getString("deed"),
				rs.getString("entered_by"), rs.getString("status"), rs.getString("decided_by"), rs.getString("reason"), rs.wasNull() ? null : posting);
	}
}
