package org.chuangwen.demo;

import java.awt.Color;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.NewMaterial;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.orgs.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * One city › district › street › three communities with buildings, the demo accounts (the three separated
 * administrators at the city, the street office, two community workers, an inspector) and sample materials
 * so that every page shows something. Only on an empty database, and only when enabled.
 */
@Component
@Order(50)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoProperties properties;
	private final Orgs orgs;
	private final Accounts accounts;
	private final EvidenceArchive archive;

	DemoData(DemoProperties properties, Orgs orgs, Accounts accounts, EvidenceArchive archive) {
		this.properties = properties;
		this.orgs = orgs;
		this.accounts = accounts;
		this.archive = archive;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled() || !orgs.isEmpty()) {
			return;
		}
		OrgUnit city = orgs.create(null, OrgKind.CITY, "示范市", 0);
		OrgUnit district = orgs.create(city.id(), OrgKind.DISTRICT, "示范区", 0);
		OrgUnit street = orgs.create(district.id(), OrgKind.STREET, "幸福街道", 0);
		OrgUnit heping = community(street, "和平社区", 1);
		OrgUnit youyi = community(street, "友谊社区", 2);
		OrgUnit guangming = community(street, "光明社区", 3);

		String password = properties.password();
		accounts.create("admin", password, "系统管理员", city.id(), Set.of(Role.ADMIN));
		accounts.create("anquan", password, "安全管理员", city.id(), Set.of(Role.SECURITY));
		accounts.create("shenji", password, "审计管理员", city.id(), Set.of(Role.AUDITOR));
		accounts.create("jiedao", password, "幸福街道文明办", street.id(), Set.of(Role.STREET));
		accounts.create("shequ1", password, "和平社区工作者", heping.id(), Set.of(Role.WORKER));
		accounts.create("shequ2", password, "友谊社区工作者", youyi.id(), Set.of(Role.WORKER));
		accounts.create("ceping", password, "测评员", street.id(), Set.of(Role.INSPECTOR));

		// the street office files them: administrators write no business data (三权分立)
		accounts.callAs("jiedao", () -> {
			materials(heping, youyi, guangming);
			return null;
		});
		log.info("Demo data created: 3 communities, accounts admin/anquan/shenji/jiedao/shequ1/shequ2/ceping");
	}

	private OrgUnit community(OrgUnit street, String name, int sort) {
		OrgUnit community = orgs.create(street.id(), OrgKind.COMMUNITY, name, sort);
		for (int i = 1; i <= 3; i++) {
			orgs.create(community.id(), OrgKind.BUILDING, i + "号楼", i);
		}
		return community;
	}

	private void materials(OrgUnit heping, OrgUnit youyi, OrgUnit guangming) {
		docx(heping, "组织机构", "和平社区精神文明创建工作领导小组", "2009-03-02", "Ⅲ-115");
		docx(heping, "制度", "和平社区精神文明创建工作制度", "2009-03-02", "Ⅲ-115");
		docx(heping, "方案", "和平社区2010年“讲文明树新风”活动方案", "2010-03-01", "Ⅲ-116");
		photo(heping, "“全民阅读”活动现场", "2010-04-23", new Color(0x2E7D32), "Ⅲ-116", "Ⅲ-29");
		docx(heping, "总结", "和平社区2010年“讲文明树新风”活动总结", "2010-12-20", "Ⅲ-116");
		photo(heping, "2010年中秋“我们的节日”联欢", "2010-09-22", new Color(0xC62828), "Ⅲ-29");
		docx(heping, "方案", "和平社区2011年社区志愿服务计划", "2011-01-10", "Ⅲ-52a");
		xlsx(heping, "志愿者统计表", "和平社区志愿者统计表", "2010-12-31", "Ⅲ-52a");
		docx(youyi, "方案", "友谊社区“讲文明树新风”活动方案", "2010-05-04", "Ⅲ-116");
		photo(youyi, "文明礼仪讲座", "2010-05-12", new Color(0x1565C0), "Ⅲ-116");
		docx(youyi, "组织机构", "友谊社区精神文明创建组织机构", "2009-06-01", "Ⅲ-115");
		photo(guangming, "2011年春节联欢会", "2011-02-01", new Color(0xEF6C00), "Ⅲ-29");
	}

	private void docx(OrgUnit unit, String kind, String title, String date, String... codes) {
		file(unit, kind, title, date, title + ".docx", DemoFiles.docx(title, unit.name() + " " + date), codes);
	}

	private void xlsx(OrgUnit unit, String kind, String title, String date, String... codes) {
		byte[] sheet = DemoFiles.xlsx("统计表", new String[] {"姓名", "服务项目", "服务时长(小时)"}, new String[] {"张三", "关爱空巢老人", "12"});
		file(unit, kind, title, date, title + ".xlsx", sheet, codes);
	}

	private void photo(OrgUnit unit, String title, String date, Color color, String... codes) {
		LocalDateTime takenAt = LocalDate.parse(date).atTime(9, 30);
		file(unit, "图片", title, date, title + ".jpg", DemoFiles.jpeg(800, 600, color, takenAt), codes);
	}

	private void file(OrgUnit unit, String kind, String title, String date, String fileName, byte[] bytes, String... codes) {
		NewMaterial material = new NewMaterial(unit.id(), kind, title, LocalDate.parse(date), unit.name(), List.of(codes));
		archive.file(material, List.of(new Upload(fileName, bytes.length, new ByteArrayResource(bytes))));
	}
}
