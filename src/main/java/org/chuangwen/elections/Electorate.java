package org.chuangwen.elections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.people.ResidentRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An election's electorate on its own rows: the snapshot taken from the residents ledger, hand additions and removals
 * (a removed voter stays, marked, and every change keeps its reason in {@code election_voter_change}), and who voted.
 * Callers check the scope; this class only reads and writes the rows of one election.
 */
@Component
class Electorate {

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final Clock clock;

	Electorate(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	/** A voter as listed: {@code removed} voters no longer count, {@code votedAt} is null until they voted. */
	record Voter(long residentId, String name, String sex, LocalDate birthDate, String idNumberMasked, long buildingId, boolean addedByHand,
			boolean removed, Instant votedAt, String votedVia) {

		public boolean voted() {
			return votedAt != null;
		}
	}

	record Counts(long electorate, long voted) {}

	record Change(long residentId, String name, String kind, String reason, String changedBy, Instant changedAt) {}

	void snapshot(long electionId, List<ResidentRef> adults) {
		batch.batchUpdate("insert into election_voter (election_id, resident_id, name, sex, birth_date, id_number_masked, building_id, added_by_hand, removed)"
				+ " values (?, ?, ?, ?, ?, ?, ?, false, false)", adults, 500, (ps, r) -> {
					ps.setLong(1, electionId);
					ps.setLong(2, r.id());
					ps.setString(3, r.name());
					ps.setString(4, r.sex());
					ps.setObject(5, r.birthDate());
					ps.setString(6, r.idNumberMasked());
					ps.setLong(7, r.buildingId());
				});
	}

	Counts counts(long electionId) {
		return jdbc.sql("select count(*) as electorate, coalesce(sum(case when voted_at is not null then 1 else 0 end), 0) as voted"
				+ " from election_voter where election_id = :e and removed = false")
				.param("e", electionId).query((rs, n) -> new Counts(rs.getLong("electorate"), rs.getLong("voted"))).single();
	}

	/** Voters of the election (of one building when given), removed ones last, in building and name order. */
	List<Voter> voters(long electionId, Long buildingId) {
		return jdbc.sql("select * from election_voter where election_id = :e" + (buildingId == null ? "" : " and building_id = :b")
				+ " order by removed, building_id, name, resident_id")
				.param("e", electionId).params(buildingId == null ? Map.of() : Map.of("b", buildingId)).query(Electorate::voter).list();
	}

	/** The voters with these resident ids, by id; ids not on the electorate are left out. */
	Map<Long, Voter> byResident(long electionId, Collection<Long> residentIds) {
		Map<Long, Voter> found = new HashMap<>();
		if (residentIds.isEmpty()) {
			return found;
		}
		for (List<Long> chunk : chunks(List.copyOf(residentIds))) {
			jdbc.sql("select * from election_voter where election_id = :e and resident_id in (:ids)").param("e", electionId).param("ids", chunk)
					.query(Electorate::voter).list().forEach(v -> found.put(v.residentId(), v));
		}
		return found;
	}

	/** The buildings the electorate lives in. */
	List<Long> buildings(long electionId) {
		return jdbc.sql("select distinct building_id from election_voter where election_id = :e order by building_id").param("e", electionId)
				.query(Long.class).list();
	}

	void add(long electionId, ResidentRef resident, String reason, String by) {
		jdbc.sql("insert into election_voter (election_id, resident_id, name, sex, birth_date, id_number_masked, building_id, added_by_hand, removed)"
				+ " values (:e, :r, :n, :s, :b, :m, :bu, true, false)")
				.param("e", electionId).param("r", resident.id()).param("n", resident.name()).param("s", resident.sex()).param("b", resident.birthDate())
				.param("m", resident.idNumberMasked()).param("bu", resident.buildingId()).update();
		change(electionId, resident.id(), "ADDED", reason, by);
	}

	void setRemoved(long electionId, long residentId, boolean removed, String reason, String by) {
		jdbc.sql("update election_voter set removed = :x where election_id = :e and resident_id = :r").param("x", removed).param("e", electionId)
				.param("r", residentId).update();
		change(electionId, residentId, removed ? "REMOVED" : "RESTORED", reason, by);
	}

	/** Marks voters as having voted; those already marked keep their first mark. Returns how many were newly marked. */
	int markVoted(long electionId, Collection<Long> residentIds, String via, String by) {
		int marked = 0;
		Timestamp at = Timestamp.from(clock.instant());
		for (List<Long> chunk : chunks(List.copyOf(residentIds))) {
			marked += jdbc.sql("update election_voter set voted_at = :at, voted_by = :by, voted_via = :via"
					+ " where election_id = :e and resident_id in (:ids) and voted_at is null and removed = false")
					.param("at", at).param("by", by).param("via", via).param("e", electionId).param("ids", chunk).update();
		}
		return marked;
	}

	/** Takes a tick back (a worker ticked the wrong person); the change is kept. */
	void unmark(long electionId, long residentId, String by) {
		if (jdbc.sql("update election_voter set voted_at = null, voted_by = null, voted_via = null where election_id = :e and resident_id = :r"
				+ " and voted_at is not null").param("e", electionId).param("r", residentId).update() > 0) {
			change(electionId, residentId, "UNVOTED", null, by);
		}
	}

	void change(long electionId, long residentId, String kind, String reason, String by) {
		jdbc.sql("insert into election_voter_change (election_id, resident_id, change_kind, reason, changed_by, changed_at) values (:e, :r, :k, :why, :by, :at)")
				.param("e", electionId).param("r", residentId).param("k", kind).param("why", reason).param("by", by)
				.param("at", Timestamp.from(clock.instant())).update();
	}

	/** The hand changes of the electorate and the taken-back ticks, newest first. */
	List<Change> changes(long electionId) {
		return jdbc.sql("select c.*, v.name from election_voter_change c join election_voter v on v.election_id = c.election_id"
				+ " and v.resident_id = c.resident_id where c.election_id = :e order by c.id desc")
				.param("e", electionId)
				.query((rs, n) -> new Change(rs.getLong("resident_id"), rs.getString("name"), rs.getString("change_kind"), rs.getString("reason"),
						rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
				.list();
	}

	private static List<List<Long>> chunks(List<Long> ids) {
		List<List<Long>> chunks = new java.util.ArrayList<>();
		for (int i = 0; i < ids.size(); i += 500) {
			chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
		}
		return chunks;
	}

	private static Voter voter(ResultSet rs, int n) throws SQLException {
		java.sql.Date birth = rs.getDate("birth_date");
		Timestamp voted = rs.getTimestamp("voted_at");
		return new Voter(rs.getLong("resident_id"), rs.getString("name"), rs.getString("sex"), birth == null ? null : birth.toLocalDate(),
				rs.getString("id_number_masked"), rs.getLong("building_id"), rs.getBoolean("added_by_hand"), rs.getBoolean("removed"),
				voted == null ? null : voted.toInstant(), rs.getString("voted_via"));
	}
}
