package org.chuangwen.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends to, reads and purges the hash chain. Appends run on a small connection pool of their own: a business
 * transaction that audits holds one connection of the main pool already, and if the audit needed a second one
 * from the same pool, enough concurrent requests would each hold one and wait for another until the pool's
 * timeout. Each append locks the chain head row, inserts, moves the head and commits: a few milliseconds, and
 * with at most {@value #POOL_SIZE} appends in flight no waiter comes near a lock timeout.
 */
@Component
class AuditChain implements DisposableBean {

	static final int POOL_SIZE = 4;
	private static final int PAGE = 1000;

	private final HikariDataSource pool;
	private final JdbcClient jdbc;
	private final Clock clock;

	AuditChain(DataSourceProperties dataSource, JdbcClient jdbc, Clock clock) {
		this.pool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		this.pool.setPoolName("audit");
		this.pool.setMaximumPoolSize(POOL_SIZE);
		this.pool.setMinimumIdle(0);
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An entry before it has an id, time and hash. */
	record Draft(String actor, String action, String objectType, String objectId, Long orgUnitId, String address, String detail) {}

	private record Head(long lastId, String lastHash, long anchorId, String anchorHash) {}

	/** Appends one entry in a transaction of its own, so it is kept even when the caller's transaction rolls back. */
	AuditEntry append(Draft draft) {
		return inTransaction(c -> appendLocked(c, lockHead(c), draft));
	}

	/**
	 * Removes the entries older than {@code cutoff}: moves the anchor to the newest of them (its hash is where the
	 * kept chain starts), deletes up to it and records the purge, all in one transaction under the head lock.
	 *
	 * @return how many entries were removed
	 */
	int purgeBefore(Instant cutoff, String actor) {
		return inTransaction(c -> {
			Head head = lockHead(c);
			Long last = null;
			String lastHash = null;
			try (PreparedStatement s = c.prepareStatement(
					"select id, hash from audit_event where id > ? and id <= ? and occurred_at < ? order by id desc fetch first 1 rows only")) {
				s.setLong(1, head.anchorId());
				s.setLong(2, head.lastId());
				s.setObject(3, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
				try (ResultSet rs = s.executeQuery()) {
					if (rs.next()) {
						last = rs.getLong(1);
						lastHash = rs.getString(2);
					}
				}
			}
			if (last == null) {
				return 0;
			}
			try (PreparedStatement s = c.prepareStatement("update audit_chain_head set anchor_id = ?, anchor_hash = ? where id = 1")) {
				s.setLong(1, last);
				s.setString(2, lastHash);
				s.executeUpdate();
			}
			int removed;
			try (PreparedStatement s = c.prepareStatement("delete from audit_event where id <= ?")) {
				s.setLong(1, last);
				removed = s.executeUpdate();
			}
			appendLocked(c, new Head(head.lastId(), head.lastHash(), last, lastHash),
					new Draft(actor, "AUDIT_PURGED", "audit", Long.toString(last), null, null,
							removed + " entries before " + cutoff + ", kept from " + (last + 1)));
			return removed;
		});
	}

	/** Recomputes the chain page by page (never the whole log in memory). */
	Verification verify() {
		Head head = head();
		Verification result = verify(head);
		if (!result.valid() && head().anchorId() != head.anchorId()) {
			// a purge moved the anchor while we read: check again from the new anchor
			return verify(head());
		}
		return result;
	}

	private Verification verify(Head head) {
		String previous = head.anchorHash();
		long after = head.anchorId();
		long entries = 0;
		while (true) {
			List<AuditEntry> page = jdbc.sql("""
					select id, occurred_at, actor, action, object_type, object_id, org_unit_id, address, detail, hash
					from audit_event where id > :after and id <= :last order by id fetch first :page rows only""")
					.param("after", after)
					.param("last", head.lastId())
					.param("page", PAGE)
					.query((rs, n) -> entry(rs))
					.list();
			for (AuditEntry entry : page) {
				if (entry.hash() == null || !ChainHash.of(previous, entry).equals(entry.hash())) {
					return new Verification(false, entries, entry.id());
				}
				previous = entry.hash();
				after = entry.id();
				entries++;
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		if (!previous.equals(head.lastHash())) {
			// the newest entries are gone: the first missing one is broken
			return new Verification(false, entries, after + 1);
		}
		Long inserted = jdbc.sql("select id from audit_event where id > :last order by id fetch first 1 rows only")
				.param("last", head.lastId())
				.query(Long.class)
				.optional()
				.orElse(null);
		if (inserted != null) {
			return new Verification(false, entries, inserted);
		}
		return new Verification(true, entries, null);
	}

	/** Streams the entries of a time range in id order, page by page. */
	void forEachBetween(Instant from, Instant until, Consumer<AuditEntry> consumer) {
		long after = Long.MIN_VALUE;
		while (true) {
			List<AuditEntry> page = jdbc.sql("""
					select id, occurred_at, actor, action, object_type, object_id, org_unit_id, address, detail, hash
					from audit_event where occurred_at >= :from and occurred_at < :until and id > :after
					order by id fetch first :page rows only""")
					.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
					.param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
					.param("after", after)
					.param("page", PAGE)
					.query((rs, n) -> entry(rs))
					.list();
			page.forEach(consumer);
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(
				rs.getLong("id"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"),
				rs.getString("action"),
				rs.getString("object_type"),
				rs.getString("object_id"),
				rs.getObject("org_unit_id", Long.class),
				rs.getString("address"),
				rs.getString("detail"),
				rs.getString("hash"));
	}

	private Head head() {
		return jdbc.sql("select last_id, last_hash, anchor_id, anchor_hash from audit_chain_head where id = 1")
				.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
				.single();
	}

	private static Head lockHead(Connection c) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("select last_id, last_hash, anchor_id, anchor_hash from audit_chain_head where id = 1 for update");
				ResultSet rs = s.executeQuery()) {
			if (!rs.next()) {
				throw new IllegalStateException("audit_chain_head has no row: migration V7 did not run");
			}
			return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4));
		}
	}

	/** Inserts the entry after the head; the time is taken under the lock, so ids and times ascend together. */
	private AuditEntry appendLocked(Connection c, Head head, Draft d) throws SQLException {
		AuditEntry unhashed = new AuditEntry(head.lastId() + 1, ChainHash.stored(Instant.now(clock)), d.actor(), d.action(),
				d.objectType(), d.objectId(), d.orgUnitId(), d.address(), d.detail(), null);
		String hash = ChainHash.of(head.lastHash(), unhashed);
		try (PreparedStatement s = c.prepareStatement("""
				insert into audit_event (id, occurred_at, actor, action, object_type, object_id, org_unit_id, address, detail, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			s.setLong(1, unhashed.id());
			s.setObject(2, OffsetDateTime.ofInstant(unhashed.occurredAt(), ZoneOffset.UTC));
			s.setString(3, d.actor());
			s.setString(4, d.action());
			s.setString(5, d.objectType());
			s.setString(6, d.objectId());
			if (d.orgUnitId() == null) {
				s.setNull(7, Types.BIGINT);
			} else {
				s.setLong(7, d.orgUnitId());
			}
			s.setString(8, d.address());
			s.setString(9, d.detail());
			s.setString(10, hash);
			s.executeUpdate();
		}
		try (PreparedStatement s = c.prepareStatement("update audit_chain_head set last_id = ?, last_hash = ? where id = 1")) {
			s.setLong(1, unhashed.id());
			s.setString(2, hash);
			s.executeUpdate();
		}
		return new AuditEntry(unhashed.id(), unhashed.occurredAt(), d.actor(), d.action(), d.objectType(), d.objectId(),
				d.orgUnitId(), d.address(), d.detail(), hash);
	}

	private interface Work<T> {
		T run(Connection c) throws SQLException;
	}

	private <T> T inTransaction(Work<T> work) {
		try (Connection c = pool.getConnection()) {
			c.setAutoCommit(false);
			try {
				T result = work.run(c);
				c.commit();
				return result;
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw new IllegalStateException("cannot write the audit trail: " + e.getMessage(), e);
		}
	}

	@Override
	public void destroy() {
		pool.close();
	}
}
