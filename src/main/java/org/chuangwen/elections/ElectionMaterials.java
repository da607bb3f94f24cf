package org.chuangwen.elections;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.NewMaterial;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An election's plan, announcement, results and photos: filed through the evidence archive as materials of Ⅲ-17 (the
 * box that asks for 社区选举的工作方案、总结、图片), and remembered on the election so its page lists them.
 */
@Component
class ElectionMaterials {

	/** The indicator whose box holds the election's materials (社区民主建设与管理). */
	static final String INDICATOR = "Ⅲ-17";

	private final Elections elections;
	private final EvidenceArchive evidence;
	private final DataScope scope;
	private final JdbcClient jdbc;

	ElectionMaterials(Elections elections, EvidenceArchive evidence, DataScope scope, JdbcClient jdbc) {
		this.elections = elections;
		this.evidence = evidence;
		this.scope = scope;
		this.jdbc = jdbc;
	}

	/**
	 * Files a material of the election into Ⅲ-17's box; the title defaults to the election and the kind, the 责任者 to the
	 * community. Refusals are the archive's (kind, date, files), with nothing stored.
	 */
	@Transactional
	MaterialDetails file(long electionId, String kind, String title, LocalDate dateFormed, List<Upload> uploads) {
		Election election = elections.writable(electionId);
		String community = scope.readable(election.orgUnitId()).name();
		String given = Text.blankToNull(title);
		String materialTitle = given != null ? given
				: community + election.date() + election.kind().label() + "·" + (kind == null ? "" : kind.strip());
		MaterialDetails filed = evidence.file(new NewMaterial(election.orgUnitId(), kind, materialTitle, dateFormed, community, List.of(INDICATOR)),
				uploads);
		jdbc.sql("insert into election_material (election_id, material_id) values (:e, :m)").param("e", election.id()).param("m", filed.id()).update();
		return filed;
	}

	/** The election's materials that are still live (not in the recycle bin), in the order they were filed. */
	List<MaterialDetails> list(long electionId) {
		Election election = elections.readable(electionId);
		List<Long> ids = jdbc.sql("select material_id from election_material where election_id = :e order by material_id").param("e", election.id())
				.query(Long.class).list();
		Set<Long> live = evidence.live(ids);
		return ids.stream().filter(live::contains).map(evidence::find).toList();
	}
}
