package org.chuangwen.orgs;

import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.UserFacingException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place where data scope is decided, for reads and writes alike. A record outside the caller's subtree
 * answers 404 (its existence is not revealed); a write by a read-only role answers 403. Both are audited.
 * List queries filter by {@link #path()}.
 */
@Component
public class DataScope {

	private final Orgs orgs;
	private final AuditLog audit;

	DataScope(Orgs orgs, AuditLog audit) {
		this.orgs = orgs;
		this.audit = audit;
	}

	/**
	 * The authenticated caller.
	 *
	 * @throws UserFacingException (403) when nobody is authenticated
	 */
	public CurrentUser user() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			return principal.user();
		}
		throw UserFacingException.forbidden("error.scope.anonymous");
	}

	/** The path prefix of everything the caller may read. */
	public String path() {
		return user().orgPath();
	}

	public boolean canWrite() {
		return user().canWrite();
	}

	/** Loads a unit the caller may read, or answers 404. */
	public OrgUnit readable(long unitId) {
		OrgUnit unit = orgs.find(unitId).orElse(null);
		if (unit == null || !unit.path().startsWith(path())) {
			throw deny("org_unit", unitId, unit == null ? null : unit.id(), "read");
		}
		return unit;
	}

	/** Loads a unit the caller may write to, or answers 404 (outside the scope) or 403 (read-only role). */
	public OrgUnit writable(long unitId) {
		OrgUnit unit = readable(unitId);
		requireWriter("org_unit", unitId, unit.id());
		return unit;
	}

	/** Checks a record of another module by its org path. */
	public void checkRead(String orgPath, Long orgUnitId, String objectType, Object objectId) {
		if (orgPath == null || !orgPath.startsWith(path())) {
			throw deny(objectType, objectId, orgUnitId, "read");
		}
	}

	public void checkWrite(String orgPath, Long orgUnitId, String objectType, Object objectId) {
		checkRead(orgPath, orgUnitId, objectType, objectId);
		requireWriter(objectType, objectId, orgUnitId);
	}

	/** A write that needs no particular unit (e.g. importing a catalog edition) by an administrator only. */
	public void requireAdmin(String objectType, Object objectId) {
		if (!user().has(Role.ADMIN)) {
			audit.record("DENIED", objectType, objectId, null, "admin only");
			throw UserFacingException.forbidden("error.scope.admin-only");
		}
	}

	/** Business data is written by business roles only: the three administrators (三权分立) read it at most. */
	private void requireWriter(String objectType, Object objectId, Long orgUnitId) {
		CurrentUser me = user();
		if (!me.canWrite()) {
			boolean administrator = me.administrator();
			audit.record("DENIED", objectType, objectId, orgUnitId, administrator ? "business write by administrator" : "write by read-only role");
			throw UserFacingException.forbidden(administrator ? "error.scope.administrator" : "error.scope.read-only");
		}
	}

	private UserFacingException deny(String objectType, Object objectId, Long orgUnitId, String access) {
		audit.record("DENIED", objectType, objectId, orgUnitId, access + " outside scope " + path());
		return UserFacingException.notFound("error.scope.not-found");
	}
}
