package org.chuangwen.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.platform.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The resident rows: written in batches (an import writes hundreds per statement), changed only with the old values
 * kept in {@code resident_history}. Personal data is encrypted here and nowhere else.
 */
@Repository
class ResidentRows {

	static final String COLUMNS = """
			r.id, r.building_id, r.org_path, r.name, r.sex, r.birth_date, r.id_number_masked, r.phone_masked, r.unit_no, r.room_no,
			r.relation, r.category, r.care_groups, r.version, r.updated_at, r.updated_by""";

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final PersonalData personalData;

	ResidentRows(JdbcClient jdbc, JdbcTemplate batch, PersonalData personalData) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.personalData = personalData;
	}

	/** A stored resident as far as an import needs it to decide: new, unchanged, changed or someone else's. */
	record Existing(long id, String orgPath, String fingerprint) {}

	/** A resident to insert or (with {@code id}) to update. */
	record Write(Long id, ResidentValues values, String idHash, String fingerprint) {}

	Map<String, Existing> existing(Collection<String> idHashes) {
		Map<String, Existing> found = new HashMap<>();
		if (idHashes.isEmpty()) {
			return found;
		}
		jdbc.sql("select id, org_path, fingerprint, id_number_hash from resident where id_number_hash in (:hashes)")
				.param("hashes", idHashes)
				.query(rs -> {
					found.put(rs.getString("id_number_hash"), new Existing(rs.getLong("id"), rs.getString("org_path"), rs.getString("fingerprint")));
				});
		return found;
	}

	/**
	 * Writes the rows: for every update the current values go to the history first. Runs inside the caller's
	 * transaction.
	 */
	void write(List<Write> writes, String by, Instant at) {
		Timestamp now = Timestamp.from(at);
		List<Object[]> history = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> unlink = new ArrayList<>();
		List<Object[]> links = new ArrayList<>();
		for (Write w : writes) {
			ResidentValues v = w.values();
			Pinyin.Index pinyin = Pinyin.of(v.name());
			Object[] values = {v.buildingId(), v.orgPath(), v.name(), v.id().sex(), Date.valueOf(v.id().birthDate()),
					personalData.encrypt(v.id().value()), w.idHash(), IdNumber.mask(v.id().value()), personalData.encrypt(v.phone()),
					v.phone() == null ? null : personalData.lookupHash(v.phone()), v.phone() == null ? null : PersonalData.maskPhone(v.phone()),
					v.unitNo(), v.roomNo(), v.relation(), v.category(), v.careGroupText(), pinyin.full(), pinyin.initials(), w.fingerprint(), now, by};
			if (w.id() == null) {
				inserts.add(values);
			} else {
				history.add(new Object[] {now, by, w.id()});
				Object[] update = new Object[values.length + 1];
				System.arraycopy(values, 0, update, 0, values.length);
				update[values.length] = w.id();
				updates.add(update);
				unlink.add(new Object[] {w.id()});
			}
			for (String group : v.careGroups()) {
				links.add(new Object[] {group, w.idHash()});
			}
		}
		if (!history.isEmpty()) {
			batch.batchUpdate("""
					insert into resident_history (resident_id, version, building_id, org_path, name, sex, birth_date, id_number_enc, phone_enc,
					  unit_no, room_no, relation, category, care_groups, valid_until, replaced_by)
					select id, version, building_id, org_path, name, sex, birth_date, id_number_enc, phone_enc, unit_no, room_no, relation,
					  category, care_groups, ?, ? from resident where id = ?""", history);
			batch.batchUpdate("""
					update resident set building_id = ?, org_path = ?, name = ?, sex = ?, birth_date = ?, id_number_enc = ?, id_number_hash = ?,
					  id_number_masked = ?, phone_enc = ?, phone_hash = ?, phone_masked = ?, unit_no = ?, room_no = ?, relation = ?, category = ?,
					  care_groups = ?, pinyin_full = ?, pinyin_initials = ?, fingerprint = ?, updated_at = ?, updated_by = ?, version = version + 1
					where id = ?""", updates);
			batch.batchUpdate("delete from resident_care_group where resident_id = ?", unlink);
		}
		if (!inserts.isEmpty()) {
			batch.batchUpdate("""
					insert into resident (building_id, org_path, name, sex, birth_date, id_number_enc, id_number_hash, id_number_masked, phone_enc,
					  phone_hash, phone_masked, unit_no, room_no, relation, category, care_groups, pinyin_full, pinyin_initials, fingerprint,
					  updated_at, updated_by, version)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""", inserts);
		}
		if (!links.isEmpty()) {
			batch.batchUpdate("""
					insert into resident_care_group (resident_id, care_group_id)
					select r.id, g.id from resident r, care_group g where g.name = ? and r.id_number_hash = ?""", links);
		}
		assignHouseholds(writes.stream().map(Write::idHash).toList());
	}

	/**
	 * Puts the residents with these 身份证号 hashes into the household of their current address, creating the households
	 * first needed. A resident without a 门牌 belongs to none. Set-based, one pair of statements per
	 * written batch, so a roster import stays as fast as it was.
	 */
	private void assignHouseholds(Collection<String> idHashes) {
		if (idHashes.isEmpty()) {
			return;
		}
		// "on conflict do nothing": a concurrent import may create the same household between the check and the insert
		jdbc.sql("""
				insert into household (building_id, org_path, unit_no, room_no)
				select distinct r.building_id, r.org_path, replace(coalesce(r.unit_no, ''), '单元', ''), r.room_no from resident r
				where r.id_number_hash in (:hashes) and r.room_no is not null
				  and not exists (select 1 from household h where h.building_id = r.building_id
				    and h.unit_no = replace(coalesce(r.unit_no, ''), '单元', '')
				    and h.room_no = r.room_no)
				on conflict do nothing""")
				.param("hashes", idHashes)
				.update();
		jdbc.sql("""
				update resident set household_id = (select h.id from household h where h.building_id = resident.building_id
				  and h.unit_no = replace(coalesce(resident.unit_no, ''), '单元', '') and h.room_no = resident.room_no)
				where id_number_hash in (:hashes)""")
				.param("hashes", idHashes)
				.update();
	}

	/** One page of residents under {@code path}, matched by {@code q} (see {@link Residents#list}). */
	List<ResidentView> page(String path, String q, int offset, int limit) {
		return where(jdbc.sql("select " + COLUMNS + " from resident r where " + filter(q) + " order by r.org_path, r.unit_no, r.room_no, r.id"
				+ " offset :offset rows fetch next :limit rows only"), path, q)
				.param("offset", offset)
				.param("limit", limit)
				.query(ResidentRows::view)
				.list();
	}

	List<ResidentView> all(String path) {
		return jdbc.sql("select " + COLUMNS + " from resident r where r.org_path like :path order by r.org_path, r.unit_no, r.room_no, r.id")
				.param("path", path + "%")
				.query(ResidentRows::view)
				.list();
	}

	long count(String path, String q) {
		return where(jdbc.sql("select count(*) from resident r where " + filter(q)), path, q).query(Long.class).single();
	}

	String filter(String q) {
		String scope = "r.org_path like :path";
		if (q == null) {
			return scope;
		}
		return scope + " and (r.id_number_hash = :hash or r.phone_hash = :hash or r.name like :contains"
				+ " or r.pinyin_full like :word or r.pinyin_initials like :word)";
	}

	JdbcClient.StatementSpec where(JdbcClient.StatementSpec spec, String path, String q) {
		spec = spec.param("path", path + "%");
		if (q != null) {
			String lower = q.toLowerCase();
			String escaped = lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			spec = spec.param("hash", personalData.lookupHash(q))
					.param("contains", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
					.param("word", "% " + escaped + "%");
		}
		return spec;
	}

	Optional<ResidentView> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from resident r where r.id = :id").param("id", id).query(ResidentRows::view).optional();
	}

	/** The decrypted 身份证号 and phone of a resident: callers audit every use. */
	Secrets secrets(long id) {
		return jdbc.sql("select id_number_enc, phone_enc from resident where id = :id")
				.param("id", id)
				.query((rs, n) -> new Secrets(personalData.decrypt(rs.getString(1)), personalData.decrypt(rs.getString(2))))
				.single();
	}

	record Secrets(String idNumber, String phone) {}

	List<Long> idsByPhoneHash(String phoneHash, String path) {
		return jdbc.sql("select id from resident where phone_hash = :hash and org_path like :path order by id")
				.param("hash", phoneHash)
				.param("path", path + "%")
				.query(Long.class)
				.list();
	}

	/** Earlier versions of a resident, newest first (masked: the history page shows what changed, not the numbers). */
	List<HistoryView> history(long id) {
		return jdbc.sql("""
				select version, name, sex, unit_no, room_no, relation, category, care_groups, building_id, phone_enc, id_number_enc, valid_until, replaced_by
				from resident_history where resident_id = :id order by version desc""")
				.param("id", id)
				.query((rs, n) -> new HistoryView(rs.getInt("version"), rs.getString("name"), rs.getString("sex"), rs.getString("unit_no"),
						rs.getString("room_no"), rs.getString("relation"), rs.getString("category"), rs.getString("care_groups"),
						rs.getLong("building_id"), PersonalData.maskPhone(personalData.decrypt(rs.getString("phone_enc"))),
						IdNumber.mask(personalData.decrypt(rs.getString("id_number_enc"))), rs.getTimestamp("valid_until").toInstant(),
						rs.getString("replaced_by")))
				.list();
	}

	record HistoryView(int version, String name, String sex, String unitNo, String roomNo, String relation, String category, String careGroups,
			long buildingId, String phoneMasked, String idNumberMasked, Instant validUntil, String replacedBy) {}

	static ResidentView view(ResultSet rs, int n) throws SQLException {
		return new ResidentView(rs.getLong("id"), rs.getLong("building_id"), rs.getString("org_path"), rs.getString("name"), rs.getString("sex"),
				rs.getObject("birth_date", LocalDate.class), rs.getString("id_number_masked"), rs.getString("phone_masked"), rs.getString("unit_no"),
				rs.getString("room_no"), rs.getString("relation"), rs.getString("category"), rs.getString("care_groups"), rs.getInt("version"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}
}
