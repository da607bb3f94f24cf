package org.chuangwen.evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.BlobReferences;
import org.chuangwen.platform.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which blobs the evidence archive's rows name. Answers the platform's reconciliation of the file store, and at
 * start checks the other direction: a file row whose blob is missing cannot come from a crash (blobs are on disk
 * before their rows commit), so if one is found anyway (a disk restored from an older copy, a hand-deleted file)
 * it is logged and audited for each affected material, never dropped.
 */
@Component
class FileReferences implements BlobReferences, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FileReferences.class);

	private final JdbcClient jdbc;
	private final BlobStore blobs;
	private final AuditLog audit;

	FileReferences(JdbcClient jdbc, BlobStore blobs, AuditLog audit) {
		this.jdbc = jdbc;
		this.blobs = blobs;
		this.audit = audit;
	}

	@Override
	public Set<String> referencedAmong(Collection<String> sha256s) {
		if (sha256s.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select distinct sha256 from material_file where sha256 in (:keys)")
				.param("keys", List.copyOf(sha256s))
				.query(String.class)
				.list());
	}

	boolean referenced(String sha256) {
		return !referencedAmong(List.of(sha256)).isEmpty();
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (Missing missing : missing()) {
			log.error("Material {} file {} ({}) has no stored blob {}", missing.material(), missing.index(), missing.name(), missing.sha256());
			audit.recordAs("system", "MATERIAL_FILE_MISSING", "material", missing.material(), missing.orgUnitId(),
					"file " + missing.index() + " / " + missing.name() + " / " + missing.sha256());
		}
	}

	record Missing(long material, long orgUnitId, int index, String name, String sha256) {}

	/** File rows whose blob is not in the store. */
	List<Missing> missing() {
		List<Missing> missing = new ArrayList<>();
		jdbc.sql("select f.material, m.org_unit_id, f.idx, f.name, f.sha256 from material_file f join material m on m.id = f.material order by f.material, f.idx")
				.query(rs -> {
					String sha256 = rs.getString(5).strip();
					if (!blobs.exists(sha256)) {
						missing.add(new Missing(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), sha256));
					}
				});
		return missing;
	}
}
