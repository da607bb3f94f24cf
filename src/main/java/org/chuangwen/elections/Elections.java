package org.chuangwen.elections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.people.ResidentRef;
import org.chuangwen.people.Residents;
import org.chuangwen.platform.Dates;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The elections module's facade: enters a community's election with its electorate, finds elections in the caller's
 * scope (a foreign id answers 404) and computes their figures. Who voted and the hand changes of the electorate are
 * kept by {@link Electorate}.
 */
@Service
class Elections {

	/** What 参选率 is, shown beside the number. */
	static final String TURNOUT_DEFINITION = "参选率 = 已投票选民数 ÷ 登记选民数(年满18周岁、居住在本社区的居民,按选举日计算;名单的增减均有原因)";
	static final String DIRECT_DEFINITION = "直选率 = 直接选举的次数 ÷ 规划期内换届选举的次数";

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final Residents residents;
	private final Electorate electorate;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final ElectionProperties properties;
	private final Clock clock;

	Elections(JdbcClient jdbc, DataScope scope, Residents residents, Electorate electorate, WriteTransactions transactions, AuditLog audit,
			ElectionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.residents = residents;
		this.electorate = electorate;
		this.transactions = transactions;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Enters an election of a community and takes its electorate from the residents ledger as it is now: every resident
	 * at or below the community who is 18 or older on election day.
	 *
	 * @param kindText {@code DIRECT} (直接选举, the default), {@code HOUSEHOLD} (户代表选举) or {@code REPRESENTATIVE} (居民代表选举)
	 * @throws UserFacingException 404 for a unit outside the scope, 403 for a read-only role, 400 {@code invalid_unit} for a
	 *     unit that is not a community, {@code invalid_date}, {@code invalid_kind}, 409 {@code duplicate_election}
	 */
	Election create(Long orgUnitId, String dateText, String kindText) {
		if (orgUnitId == null) {
			throw UserFacingException.badRequest("invalid_unit", "elections.error.unit");
		}
		OrgUnit unit = scope.writable(orgUnitId);
		if (unit.kind() != OrgKind.COMMUNITY) {
			throw UserFacingException.badRequest("invalid_unit", "elections.error.unit");
		}
		LocalDate date = Dates.date("date", dateText);
		LocalDate today = today();
		if (date == null) {
			throw UserFacingException.badRequest("invalid_date", "elections.error.date");
		}
		// an election is entered when it is planned or after it was held; a date years ahead is a typing error
		Dates.requireWithin("date", date.atStartOfDay(), Dates.EARLIEST.atStartOfDay(), today.plusYears(1).atStartOfDay());
		ElectionKind kind = kindText == null || kindText.isBlank() ? ElectionKind.DIRECT
				: ElectionKind.parse(kindText).orElseThrow(() -> UserFacingException.badRequest("invalid_kind", "elections.error.kind"));
		// the ledger is read before the transaction: the snapshot is what the worker saw when entering the election
		List<ResidentRef> adults = residents.residentsAt(unit.id()).stream()
				.filter(r -> r.birthDate() != null && !r.birthDate().plusYears(18).isAfter(date))
				.toList();
		String by = scope.user().username();
		long id = transactions.run(() -> {
			if (jdbc.sql("select count(*) from election where org_unit_id = :u and held_on = :d and kind = :k").param("u", unit.id()).param("d", date)
					.param("k", kind.name()).query(Long.class).single() > 0) {
				throw UserFacingException.conflict("duplicate_election", "elections.error.duplicate", date.toString(), kind.label());
			}
			var key = new GeneratedKeyHolder();
			jdbc.sql("insert into election (org_unit_id, org_path, held_on, kind, created_by, created_at) values (:u, :p, :d, :k, :by, :at)")
					.param("u", unit.id()).param("p", unit.path()).param("d", date).param("k", kind.name()).param("by", by)
					.param("at", Timestamp.from(clock.instant())).update(key, "id");
			long created = key.getKey().longValue();
			electorate.snapshot(created, adults);
			return created;
		});
		audit.record("ELECTION_CREATED", "election", id, unit.id(), date + " / " + kind.label() + " / " + adults.size() + " 名选民");
		return findOrFail(id);
	}

	/** An election in the caller's scope; 404 otherwise. */
	Election readable(long id) {
		Election election = jdbc.sql("select * from election where id = :id").param("id", id).query(Elections::row).optional().orElse(null);
		scope.checkRead(election == null ? null : election.orgPath(), election == null ? null : election.orgUnitId(), "election", id);
		return election;
	}

	/** An election the caller may change: 404 outside the scope, 403 for a read-only role. */
	Election writable(long id) {
		Election election = jdbc.sql("select * from election where id = :id").param("id", id).query(Elections::row).optional().orElse(null);
		scope.checkWrite(election == null ? null : election.orgPath(), election == null ? null : election.orgUnitId(), "election", id);
		return election;
	}

	/** Elections at or below a unit in the caller's scope (the caller's unit when null), newest first. */
	List<Election> list(Long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		return jdbc.sql("select * from election where org_path like :p order by held_on desc, id desc").param("p", unit.path() + "%")
				.query(Elections::row).list();
	}

	/** The voters of an election in the caller's scope (of one building when given). */
	List<Electorate.Voter> voters(long id, Long buildingId) {
		return electorate.voters(readable(id).id(), buildingId);
	}

	/** The buildings an election's electorate lives in. */
	List<Long> buildings(long id) {
		return electorate.buildings(readable(id).id());
	}

	/** The hand changes of an election's electorate, newest first. */
	List<Electorate.Change> changes(long id) {
		return electorate.changes(readable(id).id());
	}

	/** 参选率, 直选率 and the targets they are judged by, for an election in the caller's scope. */
	Figures figures(long id) {
		return figures(readable(id));
	}

	Figures figures(Election election) {
		Electorate.Counts counts = electorate.counts(election.id());
		BigDecimal turnout = counts.electorate() == 0 ? null
				: BigDecimal.valueOf(counts.voted()).divide(BigDecimal.valueOf(counts.electorate()), 4, RoundingMode.HALF_UP);
		String basis = counts.voted() + " / " + counts.electorate() + " 人";
		BigDecimal percent = turnout == null ? null : percent(counts.voted(), counts.electorate());
		LocalDate from = election.date().minusYears(properties.planYears()).plusDays(1);
		Map<String, Long> kinds = jdbc.sql("select kind, count(*) as n from election where org_unit_id = :u and held_on >= :from and held_on <= :to group by kind")
				.param("u", election.orgUnitId()).param("from", from).param("to", election.date())
				.query((ResultSet rs) -> {
					Map<String, Long> found = new java.util.HashMap<>();
					while (rs.next()) {
						found.put(rs.getString("kind"), rs.getLong("n"));
					}
					return found;
				});
		long all = kinds.values().stream().mapToLong(Long::longValue).sum();
		long direct = kinds.getOrDefault(ElectionKind.DIRECT.name(), 0L);
		BigDecimal directPercent = percent(direct, all);
		List<TargetCheck> targets = List.of(
				new TargetCheck("voter-turnout", "选民参选率", percent, ">=", hundred(properties.turnoutTarget()), "%",
						reaches(counts.voted(), counts.electorate(), properties.turnoutTarget()), "Ⅲ-17 选民参选率≥80%", TURNOUT_DEFINITION, basis),
				new TargetCheck("voter-turnout-plan", "选民参选率(五年规划)", percent, ">=", hundred(properties.planTurnoutTarget()), "%",
						reaches(counts.voted(), counts.electorate(), properties.planTurnoutTarget()), "五年规划 选民参选率≥90%", TURNOUT_DEFINITION, basis),
				new TargetCheck("direct-election-rate", "直选率", directPercent, ">=", new BigDecimal("100.0"), "%", direct == all,
						"五年规划 直选率100%", DIRECT_DEFINITION + "(" + from + " 至 " + election.date() + ")", direct + " / " + all + " 次"));
		return new Figures(counts.electorate(), counts.voted(), turnout, reaches(counts.voted(), counts.electorate(), properties.turnoutTarget()), targets);
	}

	/**
	 * The latest election of each community at or below the unit held on or before {@code on}, for the
	 * {@code voter-turnout} measure; 404 for a unit outside the scope.
	 */
	List<Election> latestPerCommunity(long orgUnitId, LocalDate on) {
		OrgUnit unit = scope.readable(orgUnitId);
		Map<Long, Election> latest = new java.util.LinkedHashMap<>();
		jdbc.sql("select * from election where org_path like :p and held_on <= :on order by held_on desc, id desc").param("p", unit.path() + "%")
				.param("on", on).query(Elections::row).list().forEach(e -> latest.putIfAbsent(e.orgUnitId(), e));
		return List.copyOf(latest.values());
	}

	Optional<Election> find(long id) {
		return jdbc.sql("select * from election where id = :id").param("id", id).query(Elections::row).optional();
	}

	private Election findOrFail(long id) {
		return find(id).orElseThrow(() -> UserFacingException.notFound("elections.error.not-found"));
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.SHANGHAI));
	}

	/** Whether voted ÷ electorate reaches the share, compared exactly (no rounding lifts 79.996% to 80%). */
	static boolean reaches(long voted, long electorate, BigDecimal share) {
		return electorate > 0 && BigDecimal.valueOf(voted).compareTo(share.multiply(BigDecimal.valueOf(electorate))) >= 0;
	}

	static BigDecimal percent(long part, long whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	private static BigDecimal hundred(BigDecimal share) {
		return share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
	}

	/**
	 * @param turnout voted ÷ electorate to 4 decimals; null while the electorate is empty
	 * @param met whether the turnout reaches Ⅲ-17's 80%
	 */
	record Figures(long electorate, long voted, BigDecimal turnout, boolean met, List<TargetCheck> targets) {}

	/** One target an election is judged by: the value in per cent against the threshold, with what was counted. */
	record TargetCheck(String key, String metric, BigDecimal value, String comparator, BigDecimal threshold, String unit, boolean met, String source,
			String definition, String basis) {}

	static Election row(ResultSet rs, int n) throws SQLException {
		return new Election(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("org_path"), rs.getDate("held_on").toLocalDate(),
				ElectionKind.valueOf(rs.getString("kind")), rs.getString("created_by"));
	}
}
