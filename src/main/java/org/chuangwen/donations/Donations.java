package org.chuangwen.donations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.people.ResidentRef;
import org.chuangwen.people.Residents;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.chuangwen.platform.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The donations module's facade: records, lists and corrects donations in the caller's part of the org tree. A foreign
 * id answers 404; a correction keeps the values it replaced.
 */
@Service
class Donations {

	private static final String COLUMNS = "id, org_unit_id, donor_kind, donor_name, resident_id, form, description, quantity, unit_value, total_value,"
			+ " campaign, donated_on, receipt_number, destination, recorded_by";

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final Residents residents;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final Clock clock;

	Donations(JdbcClient jdbc, DataScope scope, Residents residents, WriteTransactions transactions, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.residents = residents;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a donation in {@code command.orgUnitId()} (the caller's unit when null).
	 *
	 * @throws UserFacingException 404 for a unit or resident outside the scope, 409 {@code duplicate_receipt} for a
	 *     receipt number the unit already used, 400 for invalid input
	 */
	Donation record(NewDonation command) {
		OrgUnit unit = scope.writable(command.orgUnitId() == null ? scope.user().orgUnitId() : command.orgUnitId());
		Donation checked = checked(unit, command);
		String by = scope.user().username();
		try {
			return transactions.run(() -> {
				refuseDuplicate(unit.id(), checked.receiptNumber(), 0);
				var key = new GeneratedKeyHolder();
				jdbc.sql("insert into donation (org_unit_id, org_path, donor_kind, donor_name, resident_id, form, description, quantity, unit_value,"
						+ " total_value, campaign, donated_on, receipt_number, destination, recorded_by, recorded_at) values (:u, :p, :dk, :dn, :r, :f, :d, :q,"
						+ " :uv, :t, :c, :on, :n, :to, :by, :at)")
						.param("u", unit.id()).param("p", unit.path()).param("dk", checked.donorKind()).param("dn", checked.donorName())
						.param("r", checked.residentId()).param("f", checked.form()).param("d", checked.description()).param("q", checked.quantity())
						.param("uv", checked.unitValue()).param("t", checked.totalValue()).param("c", checked.campaign()).param("on", checked.date())
						.param("n", checked.receiptNumber()).param("to", checked.destination()).param("by", by).param("at", Timestamp.from(clock.instant()))
						.update(key, "id");
				long id = key.getKey().longValue();
				audit.record("DONATION_RECORDED", "donation", id, unit.id(), checked.receiptNumber() + " / " + checked.totalValue());
				return find(id);
			});
		} catch (DuplicateKeyException e) {
			throw UserFacingException.conflict("duplicate_receipt", "error.donation.duplicate-receipt", checked.receiptNumber());
		}
	}

	/**
	 * Corrects a donation: the new values replace the old ones, which are kept in its history with the reason.
	 *
	 * @throws UserFacingException 404 for a donation outside the scope, 409 {@code duplicate_receipt}, 400
	 */
	Donation correct(long id, NewDonation command, String reason) {
		Donation old = readable(id);
		OrgUnit unit = scope.writable(old.orgUnitId());
		String why = Text.blankToNull(reason);
		if (why == null || why.length() > 200) {
			throw UserFacingException.badRequest("missing_reason", "error.donation.reason");
		}
		Text.check("reason", why, false);
		Donation checked = checked(unit, command);
		String by = scope.user().username();
		try {
			return transactions.run(() -> {
				refuseDuplicate(unit.id(), checked.receiptNumber(), id);
				jdbc.sql("insert into donation_change (donation_id, reason, old_values, changed_by, changed_at) values (:d, :r, :o, :by, :at)")
						.param("d", id).param("r", why).param("o", old.toString()).param("by", by).param("at", Timestamp.from(clock.instant())).update();
				jdbc.sql("update donation set donor_kind = :dk, donor_name = :dn, resident_id = :r, form = :f, description = :d, quantity = :q,"
						+ " unit_value = :uv, total_value = :t, campaign = :c, donated_on = :on, receipt_number = :n, destination = :to where id = :id")
						.param("dk", checked.donorKind()).param("dn", checked.donorName()).param("r", checked.residentId()).param("f", checked.form())
						.param("d", checked.description()).param("q", checked.quantity()).param("uv", checked.unitValue()).param("t", checked.totalValue())
						.param("c", checked.campaign()).param("on", checked.date()).param("n", checked.receiptNumber()).param("to", checked.destination())
						.param("id", id).update();
				audit.record("DONATION_CORRECTED", "donation", id, unit.id(), why);
				return find(id);
			});
		} catch (DuplicateKeyException e) {
			throw UserFacingException.conflict("duplicate_receipt", "error.donation.duplicate-receipt", checked.receiptNumber());
		}
	}

	/** The unique constraint stays the guard against a concurrent twin; this check names the number first. */
	private void refuseDuplicate(long unitId, String receipt, long except) {
		if (jdbc.sql("select count(*) from donation where org_unit_id = :u and receipt_number = :n and id <> :id").param("u", unitId).param("n", receipt)
				.param("id", except).query(Long.class).single() > 0) {
			throw UserFacingException.conflict("duplicate_receipt", "error.donation.duplicate-receipt", receipt);
		}
	}

	/** A donation in the caller's scope; 404 otherwise. */
	Donation readable(long id) {
		String path = jdbc.sql("select org_path from donation where id = :id").param("id", id).query(String.class).optional().orElse(null);
		if (path == null || !path.startsWith(scope.path())) {
			throw UserFacingException.notFound("error.donation.not-found");
		}
		return find(id);
	}

	List<DonationChange> history(long id) {
		readable(id);
		return jdbc.sql("select * from donation_change where donation_id = :id order by id").param("id", id)
				.query((rs, n) -> new DonationChange(rs.getLong("id"), id, rs.getString("reason"), rs.getString("old_values"), rs.getString("changed_by"),
						rs.getTimestamp("changed_at").toInstant()))
				.list();
	}

	/** Donations under a unit in the caller's scope (the caller's unit when null), newest first, both days included. */
	List<Donation> list(Long orgUnitId, LocalDate from, LocalDate to) {
		OrgUnit unit = scope.readable(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		return jdbc.sql("select " + COLUMNS + " from donation where org_path like :p and donated_on >= :from and donated_on <= :to"
				+ " order by donated_on desc, id desc")
				.param("p", unit.path() + "%").param("from", from == null ? LocalDate.of(1900, 1, 1) : from)
				.param("to", to == null ? LocalDate.of(9999, 12, 31) : to).query(Donations::row).list();
	}

	private Donation find(long id) {
		return jdbc.sql("select " + COLUMNS + " from donation where id = :id").param("id", id).query(Donations::row).single();
	}

	private Donation checked(OrgUnit unit, NewDonation c) {
		String kind = c.donorKind() == null ? "" : c.donorKind().strip().toUpperCase();
		if (!Donation.DONOR_KINDS.contains(kind)) {
			throw UserFacingException.badRequest("bad_parameter", "error.donation.donor-kind");
		}
		String donorName = text("donorName", c.donorName(), 100, null);
		Long residentId = null;
		if (kind.equals("RESIDENT")) {
			// a resident outside the unit is as unknown as one that does not exist
			ResidentRef resident = c.residentId() == null ? null
					: residents.resident(c.residentId()).filter(r -> r.orgPath().startsWith(unit.path())).orElse(null);
			if (resident == null) {
				throw UserFacingException.notFound("error.donation.resident");
			}
			residentId = resident.id();
			donorName = resident.name();
		} else if (kind.equals("ANONYMOUS")) {
			donorName = null;
		} else if (donorName == null) {
			throw UserFacingException.badRequest("bad_parameter", "error.donation.donor-name");
		}
		String form = c.form() == null ? "" : c.form().strip().toUpperCase();
		String description = text("description", c.description(), 200, null);
		BigDecimal quantity = null;
		BigDecimal unitValue = null;
		BigDecimal total = c.totalValue();
		if (form.equals("GOODS")) {
			if (description == null) {
				throw UserFacingException.badRequest("bad_parameter", "error.donation.description");
			}
			quantity = c.quantity();
			unitValue = c.unitValue();
			if (quantity == null || quantity.signum() <= 0 || (unitValue != null && unitValue.signum() < 0)) {
				throw UserFacingException.badRequest("bad_parameter", "error.donation.value");
			}
			if (total == null && unitValue != null) {
				total = quantity.multiply(unitValue);
			}
		} else if (!form.equals("MONEY")) {
			throw UserFacingException.badRequest("bad_parameter", "error.donation.form");
		}
		if (total == null || total.signum() < 0 || total.compareTo(new BigDecimal("999999999999")) > 0) {
			throw UserFacingException.badRequest("bad_parameter", "error.donation.value");
		}
		String campaign = text("campaign", c.campaign(), 50, "error.donation.campaign");
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		if (c.date() == null || c.date().isAfter(today) || c.date().getYear() < 1990) {
			throw UserFacingException.badRequest("invalid_date", "error.donation.date");
		}
		String receipt = text("receiptNumber", c.receiptNumber(), 50, "error.donation.receipt");
		String destination = text("destination", c.destination(), 200, null);
		return new Donation(0, unit.id(), kind, donorName, residentId, form, description, quantity, unitValue, total.setScale(2, RoundingMode.HALF_UP),
				campaign, c.date(), receipt, destination, null);
	}

	/** The text stripped (null when blank); {@code requiredKey} names the message when it must be given. */
	private static String text(String field, String value, int max, String requiredKey) {
		String text = Text.blankToNull(value);
		if (text == null) {
			if (requiredKey != null) {
				throw UserFacingException.badRequest("bad_parameter", requiredKey);
			}
			return null;
		}
		Text.check(field, text, false);
		if (text.length() > max) {
			throw UserFacingException.badRequest("bad_parameter", "error.donation.too-long", field, max);
		}
		return text;
	}

	private static Donation row(ResultSet rs, int n) throws SQLException {
		long resident = rs.getLong("resident_id");
		Long residentId = rs.wasNull() ? null : resident;
		return new Donation(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("donor_kind"), rs.getString("donor_name"), residentId, rs.getString("form"), rs.getString("description"), rs.getBigDecimal("quantity"),
				rs.getBigDecimal("unit_value"), rs.getBigDecimal("total_value"), rs.getString("campaign"), rs.getDate("donated_on").toLocalDate(),
				rs.getString("receipt_number"), rs.getString("destination"), rs.getString("recorded_by"));
	}
}
