package org.chuangwen.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail. Every write runs in its own transaction so that a denial or failure is kept even when the
 * business transaction around it rolls back.
 */
@Service
public class AuditLog {

	private static final int DETAIL_LIMIT = 1000;

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an action of the current user (or {@code anonymous}) from the current request's address. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String action, String objectType, Object objectId, Long orgUnitId, String detail) {
		recordAs(currentActor(), action, objectType, objectId, orgUnitId, detail);
	}

	/** Records an action of a named actor, for events that happen before anyone is authenticated. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAs(String actor, String action, String objectType, Object objectId, Long orgUnitId, String detail) {
		jdbc.sql("""
				insert into audit_event (occurred_at, actor, action, object_type, object_id, org_unit_id, address, detail)
				values (:at, :actor, :action, :objectType, :objectId, :orgUnitId, :address, :detail)""")
				.param("at", java.sql.Timestamp.from(Instant.now(clock)))
				.param("actor", actor)
				.param("action", action)
				.param("objectType", objectType)
				.param("objectId", objectId == null ? null : objectId.toString())
				.param("orgUnitId", orgUnitId)
				.param("address", currentAddress())
				.param("detail", detail == null || detail.length() <= DETAIL_LIMIT ? detail : detail.substring(0, DETAIL_LIMIT))
				.update();
	}

	/** The newest events first, optionally only those of one action or actor. */
	@Transactional(readOnly = true)
	public List<AuditEntry> recent(String action, String actor, int offset, int limit) {
		return jdbc.sql("""
				select id, occurred_at, actor, action, object_type, object_id, org_unit_id, address, detail
				from audit_event
				where (cast(:action as varchar) is null or action = :action) and (cast(:actor as varchar) is null or actor = :actor)
				order by id desc offset :offset rows fetch next :limit rows only""")
				.param("action", blankToNull(action))
				.param("actor", blankToNull(actor))
				.param("offset", offset)
				.param("limit", limit)
				.query((rs, n) -> new AuditEntry(
						rs.getLong("id"),
						rs.getTimestamp("occurred_at").toInstant(),
						rs.getString("actor"),
						rs.getString("action"),
						rs.getString("object_type"),
						rs.getString("object_id"),
						(Long) rs.getObject("org_unit_id", Long.class),
						rs.getString("address"),
						rs.getString("detail")))
				.list();
	}

	@Transactional(readOnly = true)
	public long count(String action, String actor) {
		return jdbc.sql("select count(*) from audit_event where (cast(:action as varchar) is null or action = :action) and (cast(:actor as varchar) is null or actor = :actor)")
				.param("action", blankToNull(action))
				.param("actor", blankToNull(actor))
				.query(Long.class)
				.single();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "anonymous" : authentication.getName();
	}

	private static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}
}
