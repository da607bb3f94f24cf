package org.chuangwen.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.catalog.Target;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The targets module's facade: every target of the registry for a unit in the caller's scope, with its figure from the
 * {@link Measure} bean of the same key (whatever modules offer one), else the newest declared value, else "not built";
 * declarations with their history; the street's matrix of communities × targets.
 */
@Service
public class Targets {

	private static final Logger log = LoggerFactory.getLogger(Targets.class);
	private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000");
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Registry registry;
	private final Map<String, Measure> measures;
	private final Declarations declarations;
	private final DataScope scope;
	private final Orgs orgs;
	private final EvidenceArchive archive;
	private final AuditLog audit;
	private final Clock clock;
	private final Facilities facilities;

	Targets(Registry registry, List<Measure> measures, Declarations declarations, Facilities facilities, DataScope scope, Orgs orgs, EvidenceArchive archive,
			AuditLog audit, Clock clock) {
		this.facilities = facilities;
		this.registry = registry;
		this.measures = measures.stream().collect(Collectors.toMap(Measure::key, Function.identity(), (first, second) -> {
			log.warn("two measures answer {}: {} and {}; using the first", first.key(), first.getClass().getName(), second.getClass().getName());
			return first;
		}));
		this.declarations = declarations;
		this.scope = scope;
		this.orgs = orgs;
		this.archive = archive;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.SHANGHAI));
	}

	/**
	 * Every target for a unit in the caller's scope, as of today.
	 *
	 * @throws UserFacingException 404 for a unit outside the scope
	 */
	public List<TargetStatus> of(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		LocalDate today = today();
		Map<String, Declarations.Declaration> declared = declarations.current(unit.id());
		Map<String, Optional<Measure.Figure>> figures = new HashMap<>();
		return registry.all().stream().map(t -> {
			Measure measure = measures.get(t.measureKey());
			if (measure != null) {
				Optional<Measure.Figure> figure = figures.computeIfAbsent(t.measureKey(), k -> figure(measure, unit, today));
				return computed(t, measure, figure.orElse(null));
			}
			Declarations.Declaration d = declared.get(t.key());
			return d != null ? declared(t, d) : notBuilt(t);
		}).toList();
	}

	/** A measure that refuses this kind of unit (400) has no figure for it; a scope refusal (404) still answers 404. */
	private static Optional<Measure.Figure> figure(Measure measure, OrgUnit unit, LocalDate today) {
		try {
			return measure.measure(unit.id(), today);
		} catch (UserFacingException e) {
			if (e.status() != HttpStatus.BAD_REQUEST) {
				throw e;
			}
			return Optional.empty();
		}
	}

	private static TargetStatus computed(TargetDefinition t, Measure measure, Measure.Figure figure) {
		BigDecimal value = figure == null ? null : figure.value();
		return status(t, value, figure == null ? null : figure.lowerBound(), TargetStatus.COMPUTED, measure.definition(),
				figure == null ? null : figure.basis(), figure == null ? null : figure.rows(), null, null, null);
	}

	private static TargetStatus declared(TargetDefinition t, Declarations.Declaration d) {
		return status(t, d.value(), null, TargetStatus.DECLARED, t.definition(), null, "/materials/" + d.materialId(), d.materialId(), d.declaredBy(),
				d.declaredAt());
	}

	private static TargetStatus notBuilt(TargetDefinition t) {
		return status(t, null, null, TargetStatus.NOT_BUILT, t.definition(), null, null, null, null, null);
	}

	private static TargetStatus status(TargetDefinition t, BigDecimal value, BigDecimal lowerBound, String source, String definition, String basis,
			String rows, Long materialId, String by, Instant at) {
		Target target = t.target();
		boolean met = value != null && target.isMetBy(value);
		return new TargetStatus(t.key(), t.name(), t.indicatorCode(), target.comparator(), target.symbol(), target.threshold(), target.unit(), t.period(),
				value, lowerBound, met, gap(target, value, met), source, definition, basis, rows, materialId, by, at, t.provenance());
	}

	/** How far the value is from meeting the threshold, in the target's unit; 0 when met. */
	static BigDecimal gap(Target target, BigDecimal value, boolean met) {
		if (value == null) {
			return null;
		}
		if (met) {
			return BigDecimal.ZERO;
		}
		return target.threshold().subtract(value).abs();
	}

	/**
	 * Declares the value of a target that no measure computes, for a unit the caller may write to, supported by a live
	 * material filed at or below that unit. Earlier declarations stay as history.
	 *
	 * @throws UserFacingException 404 for an unknown target, a unit or material outside the scope; 400
	 *     {@code target_computed} for a target a measure answers, {@code invalid_value}, {@code missing_material},
	 *     {@code material_recycled}, {@code material_elsewhere}
	 */
	Declarations.Declaration declare(String key, Long orgUnitId, BigDecimal value, Long materialId) {
		TargetDefinition target = registry.find(key).orElseThrow(() -> UserFacingException.notFound("error.targets.unknown", key));
		if (measures.containsKey(target.measureKey())) {
			throw UserFacingException.badRequest("target_computed", "error.targets.computed", target.name());
		}
		if (orgUnitId == null) {
			throw UserFacingException.badRequest("missing_unit", "error.targets.unit");
		}
		OrgUnit unit = scope.writable(orgUnitId);
		if (value == null || value.signum() < 0 || value.compareTo(MAX_VALUE) > 0 || ("%".equals(target.target().unit()) && value.compareTo(HUNDRED) > 0)) {
			throw UserFacingException.badRequest("invalid_value", "error.targets.value", target.target().unit());
		}
		if (materialId == null) {
			throw UserFacingException.badRequest("missing_material", "error.targets.material");
		}
		MaterialDetails material = archive.find(materialId);
		if (!archive.live(Set.of(materialId)).contains(materialId)) {
			throw UserFacingException.badRequest("material_recycled", "error.targets.material-recycled", material.row().title());
		}
		OrgUnit filedAt = orgs.find(material.row().orgUnitId()).orElse(null);
		if (filedAt == null || !unit.contains(filedAt.path())) {
			throw UserFacingException.badRequest("material_elsewhere", "error.targets.material-elsewhere", material.row().title(), unit.name());
		}
		Declarations.Declaration declaration = declarations.add(key, unit.id(), unit.path(), value.setScale(1, java.math.RoundingMode.HALF_UP), materialId,
				scope.user().username(), Instant.now(clock));
		audit.record("TARGET_DECLARED", "target_declaration", declaration.id(), unit.id(), key + " = " + declaration.value() + ", 材料 " + materialId);
		return declaration;
	}

	/** The declarations of a target in a unit in the caller's scope, newest first. */
	List<Declarations.Declaration> history(String key, long orgUnitId) {
		registry.find(key).orElseThrow(() -> UserFacingException.notFound("error.targets.unknown", key));
		OrgUnit unit = scope.readable(orgUnitId);
		return declarations.history(key, unit.id());
	}

	/** A street's communities, each with every target: what a street official compares. */
	record Matrix(OrgUnit unit, List<TargetDefinition> targets, List<Row> rows) {}

	record Row(OrgUnit community, List<TargetStatus> targets) {

		public long met() {
			return targets.stream().filter(TargetStatus::met).count();
		}
	}

	/**
	 * The communities at or below a unit in the caller's scope (the caller's own unit when null) × every target.
	 *
	 * @throws UserFacingException 404 for a unit outside the scope
	 */
	Matrix matrix(Long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		List<Row> rows = orgs.communitiesWithin(unit.path()).stream().map(c -> new Row(c, of(c.id()))).toList();
		return new Matrix(unit, registry.all(), rows);
	}

	boolean computed(String key) {
		return registry.find(key).map(t -> measures.containsKey(t.measureKey())).orElse(false);
	}

	/** A community's facilities, each with its current record (null while not recorded) and the standards it is checked against. */
	record FacilityView(OrgUnit community, List<FacilityState> facilities) {}

	record FacilityState(FacilityKind kind, Facilities.Facility current, List<TargetStatus> standards) {

		public boolean met() {
			return standards.stream().allMatch(TargetStatus::met);
		}
	}

	/**
	 * The facilities of the community of a unit in the caller's scope, checked against the plans' standards.
	 *
	 * @throws UserFacingException 404 outside the scope, 400 {@code not_a_community} for a unit above communities
	 */
	FacilityView facilities(long orgUnitId) {
		OrgUnit community = facilities.community(orgUnitId);
		Map<FacilityKind, Facilities.Facility> current = facilities.current(community.id());
		Map<String, TargetStatus> statuses = of(community.id()).stream().collect(Collectors.toMap(TargetStatus::key, Function.identity()));
		return new FacilityView(community, java.util.Arrays.stream(FacilityKind.values())
				.map(k -> new FacilityState(k, current.get(k), k.targetKeys.stream().map(statuses::get).filter(java.util.Objects::nonNull).toList()))
				.toList());
	}

	/**
	 * The community a page shows when none is chosen: the caller's own (or the one above the caller's building), else the
	 * first community in the caller's scope; null when the scope holds none.
	 */
	Long defaultCommunity() {
		OrgUnit mine = orgs.find(scope.user().orgUnitId()).orElse(null);
		if (mine != null) {
			Optional<OrgUnit> own = orgs.communityOf(mine);
			if (own.isPresent()) {
				return own.get().id();
			}
		}
		List<OrgUnit> communities = orgs.communitiesWithin(scope.path());
		return communities.isEmpty() ? null : communities.get(0).id();
	}

	/** The communities in the caller's scope, to choose one from. */
	List<OrgUnit> communities() {
		return orgs.communitiesWithin(scope.path());
	}
}
