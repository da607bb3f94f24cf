package org.chuangwen.orgs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The hashes of the passwords each account has had, so that the policy can refuse a recent one. */
@Component
class PasswordHistory {

	private final JdbcClient jdbc;

	PasswordHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest {@code limit} hashes of the account, newest first (the current password included). */
	List<String> recent(long accountId, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		return jdbc.sql("select password_hash from password_history where app_user = :id order by id desc fetch first :limit rows only")
				.param("id", accountId)
				.param("limit", limit)
				.query(String.class)
				.list();
	}

	/** Remembers a newly set password and forgets those beyond the newest {@code keep}. */
	void add(long accountId, String passwordHash, Instant at, int keep) {
		jdbc.sql("insert into password_history (app_user, password_hash, set_at) values (:id, :hash, :at)")
				.param("id", accountId)
				.param("hash", passwordHash)
				.param("at", Timestamp.from(at))
				.update();
		List<Long> stale = jdbc.sql("select id from password_history where app_user = :id order by id desc offset :keep rows")
				.param("id", accountId)
				.param("keep", Math.max(keep, 1))
				.query(Long.class)
				.list();
		if (!stale.isEmpty()) {
			jdbc.sql("delete from password_history where id in (:ids)").param("ids", stale).update();
		}
	}
}
