package org.chuangwen.volunteers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.chuangwen.platform.QrCodes;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Word;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 志愿服务记录证明: what is certified (the header and every confirmed record up to the day of issue) is written once as
 * canonical text with its SHA-256, so the public page can tell a certificate that is genuine and unchanged from one
 * whose stored text no longer matches its digest, and from one whose records were corrected after it was issued.
 * Numbers are random (not a sequence), so the public page cannot be walked through.
 */
@Component
class Certificates {

	static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	private static final String RECORDS = "\n--- records ---\n";

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final VolunteerRegistry registry;
	private final Orgs orgs;
	private final AuditLog audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Certificates(JdbcClient jdbc, DataScope scope, VolunteerRegistry registry, Orgs orgs, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.registry = registry;
		this.orgs = orgs;
		this.audit = audit;
		this.clock = clock;
	}

	/** Issues a certificate for a volunteer the caller may write to and answers its number and the DOCX. */
	Issued issue(long volunteerId, String leader, String contact, String verifyBase) {
		Volunteer volunteer = registry.writable(volunteerId);
		String theLeader = Fields.optional(leader, 50, "error.volunteer.leader");
		String theContact = Fields.optional(contact, 50, "error.volunteer.contact");
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		String unitName = orgs.find(volunteer.orgUnitId()).map(u -> u.name()).orElse("");
		String handler = scope.user().displayName();
		List<String[]> records = records(volunteerId, today);
		BigDecimal total = total(records);
		// 32^10 random numbers: a collision would be refused by the unique key, never overwrite another certificate
		String number = "ZS" + today.getYear() + "-" + randomCode();
		String header = String.join("\n", "number=" + number, "issued=" + today, "volunteer=" + volunteer.id(), "name=" + volunteer.name(),
				"idNumber=" + nullToEmpty(volunteer.idNumber()), "volunteerNumber=" + volunteer.number(), "unit=" + unitName,
				"leader=" + nullToEmpty(theLeader), "handler=" + handler, "contact=" + nullToEmpty(theContact));
		String content = header + RECORDS + canonical(records);
		jdbc.sql("""
				insert into volunteer_certificate (number, volunteer_id, org_unit_id, org_path, issued_on, issued_by, issued_at, masked_name, total_hours,
				  content, digest)
				values (:number, :v, :unit, :path, :on, :by, :at, :masked, :total, :content, :digest)""")
				.param("number", number).param("v", volunteerId).param("unit", volunteer.orgUnitId()).param("path", volunteer.orgPath())
				.param("on", today).param("by", scope.user().username()).param("at", Timestamp.from(Instant.now(clock)))
				.param("masked", maskName(volunteer.name())).param("total", total).param("content", content).param("digest", sha256(content))
				.update();
		audit.record("VOLUNTEER_CERTIFICATE_ISSUED", "volunteer", volunteerId, volunteer.orgUnitId(), number + " / " + total + " h");
		return new Issued(number, docx(volunteer, number, today, unitName, theLeader, handler, theContact, records, total, verifyBase + number));
	}

	record Issued(String number, byte[] docx) {}

	/** The public check of a certificate number; empty for a number never issued. */
	Optional<CertificateCheck> check(String number) {
		return jdbc.sql("select volunteer_id, masked_name, total_hours, issued_on, org_unit_id, content, digest from volunteer_certificate where number = :n")
				.param("n", number)
				.query((rs, n) -> {
					String content = rs.getString("content");
					LocalDate issuedOn = rs.getDate("issued_on").toLocalDate();
					CertificateCheck.Verdict verdict;
					if (!sha256(content).equals(rs.getString("digest"))) {
						verdict = CertificateCheck.Verdict.NOT_GENUINE;
					} else {
						String certified = content.substring(content.indexOf(RECORDS) + RECORDS.length());
						verdict = certified.equals(canonical(records(rs.getLong("volunteer_id"), issuedOn))) ? CertificateCheck.Verdict.GENUINE : CertificateCheck.Verdict.CHANGED_SINCE;
					}
					return new CertificateCheck(number, rs.getString("masked_name"), rs.getBigDecimal("total_hours").setScale(2, RoundingMode.HALF_UP), issuedOn,
							orgs.find(rs.getLong("org_unit_id")).map(u -> u.name()).orElse(""), verdict);
				})
				.optional();
	}

	/** Confirmed records up to a day: id, date, hours, title, content (in that order, oldest first). */
	private List<String[]> records(long volunteerId, LocalDate upTo) {
		return jdbc.sql("""
				select id, service_date, hours, title, content from service_record
				where volunteer_id = :v and status = 'CONFIRMED' and service_date <= :d order by service_date, id""")
				.param("v", volunteerId).param("d", upTo)
				.query((rs, n) -> new String[] {String.valueOf(rs.getLong(1)), rs.getDate(2).toLocalDate().toString(),
						rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP).toPlainString(), rs.getString(4), nullToEmpty(rs.getString(5))})
				.list();
	}

	private static String canonical(List<String[]> records) {
		StringBuilder text = new StringBuilder();
		for (String[] r : records) {
			text.append(String.join("|", r[0], r[1], r[2], r[3].replace('|', '/'))).append('\n');
		}
		return text.toString();
	}

	private static BigDecimal total(List<String[]> records) {
		return records.stream().map(r -> new BigDecimal(r[2])).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
	}

	private static byte[] docx(Volunteer v, String number, LocalDate issued, String unitName, String leader, String handler, String contact,
			List<String[]> records, BigDecimal total, String url) {
		XWPFDocument doc = Word.a4(false);
		Word.title(doc, "志愿服务记录证明", 20);
		XWPFParagraph numbered = Word.paragraph(doc, "证明编号:" + number, 11);
		numbered.setAlignment(ParagraphAlignment.RIGHT);
		String period = records.isEmpty() ? "" : "自" + CHINESE_DATE.format(LocalDate.parse(records.get(0)[1])) + "至"
				+ CHINESE_DATE.format(LocalDate.parse(records.get(records.size() - 1)[1]));
		Word.paragraph(doc, "兹证明 " + v.name() + "(性别:" + nullToDash(v.sex()) + ",身份证件号码:" + nullToDash(v.idNumber()) + ",志愿者编号:"
				+ v.number() + ")" + period + "参加志愿服务,经记录,累计志愿服务时长 " + total.toPlainString() + " 小时。具体如下:", 12);
		Map<String, List<String[]>> byYear = new LinkedHashMap<>();
		for (String[] r : records) {
			byYear.computeIfAbsent(r[1].substring(0, 4) + "年", k -> new ArrayList<>()).add(r);
		}
		XWPFTable table = doc.createTable(byYear.size() + 2, 3);
		Word.cell(table.getRow(0).getCell(0), "服务期间", 11, true);
		Word.cell(table.getRow(0).getCell(1), "服务时长(小时)", 11, true);
		Word.cell(table.getRow(0).getCell(2), "服务内容", 11, true);
		int row = 1;
		for (Map.Entry<String, List<String[]>> year : byYear.entrySet()) {
			Word.cell(table.getRow(row).getCell(0), year.getKey(), 11, false);
			Word.cell(table.getRow(row).getCell(1), total(year.getValue()).toPlainString(), 11, false);
			String content = String.join("、", year.getValue().stream().map(r -> r[3]).distinct().toList());
			Word.cell(table.getRow(row).getCell(2), content.length() > 400 ? content.substring(0, 400) + "等" : content, 11, false);
			row++;
		}
		Word.cell(table.getRow(row).getCell(0), "合计", 11, true);
		Word.cell(table.getRow(row).getCell(1), total.toPlainString(), 11, true);
		Word.cell(table.getRow(row).getCell(2), records.size() + " 条服务记录", 11, false);
		Word.widths(table, Word.spread(Word.usableWidth(false), 2, 2, 6));
		Word.paragraph(doc, "", 12);
		Word.paragraph(doc, "记录单位:" + unitName + "(盖章)", 12);
		Word.paragraph(doc, "负责人:" + nullToDash(leader) + "    经办人:" + handler + "    联系电话:" + nullToDash(contact), 12);
		Word.paragraph(doc, "出具日期:" + CHINESE_DATE.format(issued), 12);
		XWPFParagraph qr = doc.createParagraph();
		try {
			qr.createRun().addPicture(new ByteArrayInputStream(QrCodes.png(url, 300)), Document.PICTURE_TYPE_PNG, "qr.png", Units.toEMU(90), Units.toEMU(90));
		} catch (InvalidFormatException | IOException e) {
			throw new IllegalStateException(e);
		}
		Word.paragraph(doc, "扫描二维码或访问 " + url + " 核验本证明的真伪。", 10);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Word.write(doc, out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** 张* / 欧阳** : the first character only. */
	static String maskName(String name) {
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}

	private String randomCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	private static String nullToDash(String s) {
		return s == null || s.isBlank() ? "—" : s;
	}
}
