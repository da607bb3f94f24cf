package org.chuangwen.moralbank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The rows of the books, without scope checks (the facade checks). Postings are only ever inserted; a balance is
 * always the sum of an account's postings, so the books cannot drift from the movements they record.
 */
@Component
class Books {

	private static final String SIGNED = "case when p.credit_account_id = :a then p.points else -p.points end";

	private final JdbcClient jdbc;

	Books(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> account(long id) {
		return jdbc.sql("select * from moral_account where id = :id").param("id", id).query(Books::account).optional();
	}

	/** Locks the account row so that a balance checked before posting stays true until the transaction ends. */
	void lock(long id) {
		jdbc.sql("select id from moral_account where id = :id for update").param("id", id).query(Long.class).optional();
	}

	Optional<Account> byHolderKey(String key) {
		return jdbc.sql("select * from moral_account where holder_key = :k").param("k", key).query(Books::account).optional();
	}

	Account open(String key, String kind, Long residentId, String holderName, long orgUnitId, String orgPath, String by, Instant at) {
		jdbc.sql("""
				insert into moral_account (holder_key, kind, resident_id, holder_name, org_unit_id, org_path, opened_by, opened_at)
				values (:k, :kind, :r, :name, :unit, :path, :by, :at)""")
				.param("k", key).param("kind", kind).param("r", residentId).param("name", holderName).param("unit", orgUnitId).param("path", orgPath)
				.param("by", by).param("at", Timestamp.from(at)).update();
		return byHolderKey(key).orElseThrow();
	}

	List<Account> residentAccounts(String pathPrefix) {
		return jdbc.sql("select * from moral_account where kind = 'RESIDENT' and org_path like :p order by holder_name, id")
				.param("p", pathPrefix + "%").query(Books::account).list();
	}

	long post(long debit, long credit, long points, String kind, LocalDate date, String memo, Long reverses, Long reward, Long record, String by,
			Instant at) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into moral_posting (debit_account_id, credit_account_id, points, kind, posted_on, memo, reverses_id, reward_id,
				  service_record_id, posted_by, posted_at)
				values (:d, :c, :p, :kind, :on, :memo, :rev, :reward, :rec, :by, :at)""")
				.param("d", debit).param("c", credit).param("p", points).param("kind", kind).param("on", date).param("memo", memo)
				.param("rev", reverses).param("reward", reward).param("rec", record).param("by", by).param("at", Timestamp.from(at))
				.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<Posting> posting(long id) {
		return jdbc.sql("select * from moral_posting where id = :id").param("id", id).query(Books::posting).optional();
	}

	boolean reversed(long postingId) {
		return jdbc.sql("select count(*) from moral_posting where reverses_id = :id").param("id", postingId).query(Long.class).single() > 0;
	}

	List<Posting> postings(long accountId) {
		return jdbc.sql("select * from moral_posting where debit_account_id = :a or credit_account_id = :a order by posted_on, id")
				.param("a", accountId).query(Books::posting).list();
	}

	long balance(long accountId) {
		return jdbc.sql("select coalesce(sum(" + SIGNED + "), 0) from moral_posting p where p.debit_account_id = :a or p.credit_account_id = :a")
				.param("a", accountId).query(Long.class).single();
	}

	long balanceOn(long accountId, LocalDate day) {
		return jdbc.sql("select coalesce(sum(" + SIGNED + "), 0) from moral_posting p where (p.debit_account_id = :a or p.credit_account_id = :a)"
				+ " and p.posted_on <= :day").param("a", accountId).param("day", day).query(Long.class).single();
	}

	/**
	 * What moved on the account in the period by the kind of the movement — a reversal counts under the kind it
	 * reverses, so a reversed deposit leaves the period's deposits unchanged. Signed as the account sees it.
	 */
	Movements movements(long accountId, LocalDate from, LocalDate to) {
		long[] sums = new long[3];
		jdbc.sql("select coalesce(o.kind, p.kind) as k, sum(" + SIGNED + ") as s from moral_posting p left join moral_posting o on o.id = p.reverses_id"
				+ " where (p.debit_account_id = :a or p.credit_account_id = :a) and p.posted_on between :from and :to group by coalesce(o.kind, p.kind)")
				.param("a", accountId).param("from", from).param("to", to)
				.query((ResultSet rs) -> {
					String k = rs.getString("k");
					long s = rs.getLong("s");
					switch (k) {
						case Posting.DEPOSIT -> sums[0] += s;
						case Posting.DEDUCTION -> sums[1] -= s;
						case Posting.REDEMPTION -> sums[2] -= s;
						default -> { }
					}
				});
		return new Movements(sums[0], sums[1], sums[2]);
	}

	record Movements(long deposited, long deducted, long redeemed) {}

	/** Inserts the marker of a converted service record; false when it was converted before. */
	boolean firstTimeSeen(long serviceRecordId, long accountId) {
		int inserted = jdbc.sql("""
				insert into moral_hours_seen (service_record_id, account_id)
				select :r, :a where not exists (select 1 from moral_hours_seen where service_record_id = :r)""")
				.param("r", serviceRecordId).param("a", accountId).update();
		return inserted == 1;
	}

	/** The deposit of the record that still stands (not reversed), if any. */
	Optional<Posting> standingDeposit(long serviceRecordId) {
		return jdbc.sql("""
				select * from moral_posting p where p.service_record_id = :r and p.kind = 'DEPOSIT'
				and not exists (select 1 from moral_posting x where x.reverses_id = p.id) order by p.id desc fetch first 1 rows only""")
				.param("r", serviceRecordId).query(Books::posting).optional();
	}

	private static Account account(ResultSet rs, int n) throws SQLException {
		long resident = rs.getLong("resident_id");
		return new Account(rs.getLong("id"), rs.getString("kind"), rs.wasNull() ? null : resident, rs.getString("holder_name"), rs.getLong("org_unit_id"),
				rs.getString("org_path"));
	}

	private static Posting posting(ResultSet rs, int n) throws SQLException {
		return new Posting(rs.getLong("id"), rs.getLong("debit_account_id"), rs.getLong("credit_account_id"), rs.getLong("points"), rs.getString("kind"),
				rs.getDate("posted_on").toLocalDate(), rs.getString("memo"), nullable(rs, "reverses_id"), nullable(rs, "reward_id"),
				nullable(rs, "service_record_id"), rs.getString("posted_by"));
	}

	private static Long nullable(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}
