package org.chuangwen.audit;

import static org.chuangwen.platform.Text.blankToNull;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: append-only and hash-chained ({@link #verify()}). Every write runs in its own transaction so
 * that a denial or failure is kept even when the business transaction around it rolls back. Only an audit
 * administrator (role AUDITOR) reads, verifies or exports it — checked here as well as by the URL rules, so no
 * other caller of this module can read it either. There is no way to change or delete an entry; only the
 * retention purge removes entries, and it records that it did.
 */
@Service
public class AuditLog {

	private static final int FIELD_LIMIT = 64;
	private static final int DETAIL_LIMIT = 1000;
	static final String AUDITOR = "ROLE_AUDITOR";

	private final AuditChain chain;
	private final AuditWorkbook workbook;
	private final AuditProperties properties;
	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(AuditChain chain, AuditWorkbook workbook, AuditProperties properties, JdbcClient jdbc, Clock clock) {
		this.chain = chain;
		this.workbook = workbook;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an action of the current user (or {@code anonymous}) from the current request's address. */
	public void record(String action, String objectType, Object objectId, Long orgUnitId, String detail) {
		recordAs(currentActor(), action, objectType, objectId, orgUnitId, detail);
	}

	/** Records an action of a named actor, for events that happen before anyone is authenticated. */
	public void recordAs(String actor, String action, String objectType, Object objectId, Long orgUnitId, String detail) {
		chain.append(new AuditChain.Draft(
				clean(actor, FIELD_LIMIT),
				clean(action, FIELD_LIMIT),
				clean(objectType, FIELD_LIMIT),
				clean(objectId == null ? null : objectId.toString(), FIELD_LIMIT),
				orgUnitId,
				clean(currentAddress(), FIELD_LIMIT),
				clean(detail, DETAIL_LIMIT)));
	}

	/**
	 * The newest events first, optionally only those of one action or actor.
	 *
	 * @throws UserFacingException (403) unless the caller is an audit administrator
	 */
	@Transactional(readOnly = true)
	List<AuditEntry> recent(String action, String actor, int offset, int limit) {
		requireAuditor();
		return jdbc.sql("""
				select id, occurred_at, actor, action, object_type, object_id, org_unit_id, address, detail, hash
				from audit_event
				where (cast(:action as varchar) is null or action = :action) and (cast(:actor as varchar) is null or actor = :actor)
				order by id desc offset :offset rows fetch next :limit rows only""")
				.param("action", blankToNull(action))
				.param("actor", blankToNull(actor))
				.param("offset", offset)
				.param("limit", limit)
				.query((rs, n) -> AuditChain.entry(rs))
				.list();
	}

	/** @throws UserFacingException (403) unless the caller is an audit administrator */
	@Transactional(readOnly = true)
	long count(String action, String actor) {
		requireAuditor();
		return jdbc.sql("select count(*) from audit_event where (cast(:action as varchar) is null or action = :action) and (cast(:actor as varchar) is null or actor = :actor)")
				.param("action", blankToNull(action))
				.param("actor", blankToNull(actor))
				.query(Long.class)
				.single();
	}

	/**
	 * Recomputes every hash from the first kept entry to the newest, streaming. The check is itself recorded.
	 *
	 * @throws UserFacingException (403) unless the caller is an audit administrator
	 */
	Verification verify() {
		requireAuditor();
		Verification result = chain.verify();
		record("AUDIT_VERIFIED", "audit", null, null,
				result.valid() ? "valid, " + result.entries() + " entries" : "broken at " + result.firstBrokenId());
		return result;
	}

	/**
	 * Accepts an export of the days {@code from} to {@code to} (inclusive, Beijing time) as an XLSX workbook with
	 * action names in {@code locale}, and records it; the returned export then streams the rows. Everything is
	 * checked before a byte is written, so a refusal can still be answered as an error.
	 *
	 * @throws UserFacingException (403) unless the caller is an audit administrator; (400) when the range is
	 *     missing or reversed
	 */
	AuditExport export(LocalDate from, LocalDate to, Locale locale) {
		requireAuditor();
		if (from == null || to == null) {
			throw UserFacingException.badRequest("missing_parameter", "error.audit.range-missing");
		}
		if (from.isAfter(to)) {
			throw UserFacingException.badRequest("bad_range", "error.audit.range-reversed", from, to);
		}
		record("AUDIT_EXPORTED", "audit", null, null, from + " .. " + to);
		String fileName = workbook.fileName(from, to, locale);
		return new AuditExport() {
			@Override
			public String fileName() {
				return fileName;
			}

			@Override
			public void writeTo(OutputStream out) throws IOException {
				workbook.write(from, to, locale, out);
			}
		};
	}

	/** Removes entries older than the retention ({@code chuangwen.audit.retention}, at least 180 days). */
	int purgeExpired() {
		return chain.purgeBefore(Instant.now(clock).minus(properties.retention()), "system");
	}

	private void requireAuditor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean auditor = authentication != null && authentication.isAuthenticated()
				&& authentication.getAuthorities().stream().anyMatch(a -> AUDITOR.equals(a.getAuthority()));
		if (!auditor) {
			record("DENIED", "audit", null, null, "audit log is for audit administrators only");
			throw UserFacingException.forbidden("error.audit.auditor-only");
		}
	}

	/**
	 * What the database will keep byte for byte, so the hash computed before the insert is the one recomputed
	 * later: at most {@code limit} chars without splitting a surrogate pair, lone surrogates and NUL (refused by
	 * PostgreSQL) replaced.
	 */
	static String clean(String value, int limit) {
		if (value == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(Math.min(value.length(), limit));
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				if (out.length() + 2 > limit) {
					break;
				}
				out.append(c).append(value.charAt(++i));
				continue;
			}
			if (out.length() + 1 > limit) {
				break;
			}
			out.append(Character.isSurrogate(c) || c == '\0' ? '\uFFFD' : c);
		}
		return out.toString();
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
