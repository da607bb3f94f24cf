package org.chuangwen;

import java.util.Set;
import java.util.function.Supplier;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.orgs.Role;

/**
 * What an {@code @ApplicationModuleTest} starts from: the demo module is not in its context, so each test makes its
 * own small tree (a street with two communities, a building in the first) and its people, through the orgs module's
 * published API. {@code worker} works in {@code community}, {@code office} at the street, {@code inspector} reads the
 * street.
 */
public record ModuleFixture(OrgUnit street, OrgUnit community, OrgUnit neighbour, OrgUnit building, String worker, String office,
		String inspector, Accounts accounts) {

	/**
	 * Without the demo module nothing creates accounts at start, and orgs refuses to start without a first
	 * administrator: module tests configure one, as production does.
	 */
	public static final String FIRST_ADMINISTRATOR = "chuangwen.accounts.admin.password=" + Api.PASSWORD;

	public static ModuleFixture create(Orgs orgs, Accounts accounts, String prefix) {
		OrgUnit city = orgs.create(null, OrgKind.CITY, prefix + "市", 0);
		OrgUnit district = orgs.create(city.id(), OrgKind.DISTRICT, prefix + "区", 0);
		OrgUnit street = orgs.create(district.id(), OrgKind.STREET, prefix + "街道", 0);
		OrgUnit community = orgs.create(street.id(), OrgKind.COMMUNITY, prefix + "和平社区", 1);
		OrgUnit neighbour = orgs.create(street.id(), OrgKind.COMMUNITY, prefix + "友谊社区", 2);
		OrgUnit building = orgs.create(community.id(), OrgKind.BUILDING, "1号楼", 1);
		accounts.create(prefix + "-worker", Api.PASSWORD, "社区工作者", community.id(), Set.of(Role.WORKER));
		accounts.create(prefix + "-office", Api.PASSWORD, "街道文明办", street.id(), Set.of(Role.STREET));
		accounts.create(prefix + "-inspector", Api.PASSWORD, "测评员", street.id(), Set.of(Role.INSPECTOR));
		return new ModuleFixture(street, community, neighbour, building, prefix + "-worker", prefix + "-office", prefix + "-inspector", accounts);
	}

	public <T> T as(String username, Supplier<T> work) {
		return accounts.callAs(username, work);
	}

	public void run(String username, Runnable work) {
		accounts.callAs(username, () -> {
			work.run();
			return null;
		});
	}
}
