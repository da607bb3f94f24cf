package org.chuangwen.orgs;

/** What an account may do within its subtree. */
public enum Role {
	/** System administrator: the whole tree, accounts and catalog editions. */
	ADMIN(true),
	/** Street or district office (街道/区 文明办): its subtree. */
	STREET(true),
	/** Community worker (社区工作者): its community. */
	WORKER(true),
	/** Inspector (测评员): reads its subtree, writes nothing. */
	INSPECTOR(false),
	/**
	 * Security administrator (安全管理员, 等保 2.0 三权分立): roles, security policies, unlocking accounts; writes no
	 * business data.
	 */
	SECURITY(false),
	/**
	 * Audit administrator (审计管理员, 等保 2.0 三权分立): reads, verifies and exports the audit log and changes
	 * nothing else.
	 */
	AUDITOR(false);

	private final boolean writes;

	Role(boolean writes) {
		this.writes = writes;
	}

	public boolean writes() {
		return writes;
	}
}
