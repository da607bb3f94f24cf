package org.chuangwen.families;

import java.time.LocalDate;
import java.util.List;
import org.chuangwen.people.HouseholdRef;
import org.chuangwen.people.Households;
import org.springframework.stereotype.Service;

/**
 * The 文明家庭 ledger's facade for its pages and API: nominations and reviews ({@link Nominations}), awards and the
 * share ({@link Awards}), each step's history ({@link FamilyHistory}). Every call is scoped to the caller's part of the
 * org tree; a foreign id answers 404.
 */
@Service
class Families {

	private final Nominations nominations;
	private final Awards awards;
	private final FamilyHistory history;
	private final Households households;

	Families(Nominations nominations, Awards awards, FamilyHistory history, Households households) {
		this.nominations = nominations;
		this.awards = awards;
		this.history = history;
		this.households = households;
	}

	List<Nominations.Criterion> criteria() {
		return nominations.criteria();
	}

	Nominations.Criterion addCriterion(String name) {
		return nominations.addCriterion(name);
	}

	void retireCriterion(long id) {
		nominations.retireCriterion(id);
	}

	Nominations.Nomination nominate(Long householdId, String kind, String nominatorName, String reason) {
		return nominations.nominate(householdId, kind, nominatorName, reason);
	}

	Nominations.Review review(long nominationId, List<Nominations.ReviewAnswer> answers, String note) {
		return nominations.review(nominationId, answers, note);
	}

	List<Nominations.Nomination> nominations(long orgUnitId) {
		return nominations.list(orgUnitId);
	}

	Awards.Award award(Long householdId, String level, LocalDate awardedOn, LocalDate plaqueOn, Long nominationId) {
		return awards.award(householdId, level, awardedOn, plaqueOn, nominationId);
	}

	Awards.Award revoke(long id, String reason) {
		return awards.revoke(id, reason);
	}

	Awards.Award award(long id) {
		return awards.readable(id);
	}

	List<Awards.Award> awards(long orgUnitId) {
		return awards.list(orgUnitId);
	}

	/** The share as of today. */
	Awards.Share share(long orgUnitId) {
		return awards.share(orgUnitId, awards.today());
	}

	/** The history of the award's household: its nominations, reviews, awards and revocations. */
	List<FamilyHistory.Change> history(long awardId) {
		return history.of(awards.readable(awardId).householdId());
	}

	/** Households a worker may nominate: those at or below the unit. */
	List<HouseholdRef> households(long orgUnitId) {
		return households.householdsAt(orgUnitId);
	}
}
