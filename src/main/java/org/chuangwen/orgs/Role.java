package org.chuangwen.orgs;

/**
 * What an account may do within its subtree. The three administrator roles (等保 2.0 三权分立) are kept apart: no
 * account holds two of them (nor one of them with a business role), and none of them writes business data.
 */
public enum Role {
	/**
	 * System administrator (系统管理员): accounts with business roles, org units, catalog editions, activity
	 * categories. Reads business data, writes none; does not read the audit log.
	 */
	ADMIN(false, true),
	/** Street or district office (街道/区 文明办): its subtree. */
	STREET(true, false),
	/** Community worker (社区工作者): its community. */
	WORKER(true, false),
	/** Inspector (测评员): reads its subtree, writes nothing. */
	INSPECTOR(false, false),
	/**
	 * Security administrator (安全管理员): roles, security policies, unlocking accounts; writes no business data.
	 */
	SECURITY(false, true),
	/**
	 * Audit administrator (审计管理员): reads, verifies and exports the audit log and changes nothing else.
	 */
	AUDITOR(false, true);

	private final boolean writes;
	private final boolean administrator;

	Role(boolean writes, boolean administrator) {
		this.writes = writes;
		this.administrator = administrator;
	}

	/** Whether the role writes business data (materials, activities) in its subtree. */
	public boolean writes() {
		return writes;
	}

	/** One of the three separated administrator roles. */
	public boolean administrator() {
		return administrator;
	}
}
