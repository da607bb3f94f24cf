package org.chuangwen.inspection;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.chuangwen.evidence.MaterialRow;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Word;
import org.chuangwen.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * The mock inspection (模拟测评) report as a Word document, in Chinese like the archive's printed forms: for each
 * community, the self-assessed grade against the inspector's per indicator, the targets with their values, the
 * materials an inspector marked doubtful in a spot check, and the doubt signals with the workers' answers.
 */
@Component
class MockReport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

	private final Inspections inspections;
	private final DataScope scope;
	private final Clock clock;

	MockReport(Inspections inspections, DataScope scope, Clock clock) {
		this.inspections = inspections;
		this.scope = scope;
		this.clock = clock;
	}

	/** The file name of the report on a unit in the caller's scope (404 otherwise). */
	String fileName(long orgUnitId) {
		return inspections.unit(orgUnitId).name() + "模拟测评报告.docx";
	}

	/** Writes the report on a community, or on every community of a street (one section each). */
	void write(long orgUnitId, OutputStream out) throws IOException {
		OrgUnit unit = inspections.unit(orgUnitId);
		List<Tour> tours = inspections.communitiesOf(orgUnitId).stream().map(c -> inspections.tour(c.id())).toList();
		XWPFDocument doc = Word.a4(false);
		Word.title(doc, unit.name() + "模拟测评报告", 18);
		Word.paragraph(doc, "生成时间:" + TIME.format(LocalDateTime.now(clock.withZone(Zones.SHANGHAI))) + "(北京时间)  生成人:" + scope.user().displayName()
				+ "  社区数:" + tours.size(), 10);
		for (int i = 0; i < tours.size(); i++) {
			section(doc, (i < NUMERALS.length ? NUMERALS[i] : String.valueOf(i + 1)) + "、" + tours.get(i).community().name(), tours.get(i));
		}
		Word.write(doc, out);
	}

	private void section(XWPFDocument doc, String heading, Tour tour) {
		Word.paragraph(doc, "", 6);
		Word.run(doc.createParagraph(), heading, 15, true);

		long differing = tour.boxes().stream().filter(b -> b.inspectorGrade() != null && !b.inspectorGrade().grade().equals(b.assessed())).count();
		long graded = tour.boxes().stream().filter(b -> b.inspectorGrade() != null).count();
		Word.run(doc.createParagraph(), "(一)指标评分:自评与测评", 12, true);
		Word.paragraph(doc, "共 " + tour.boxes().size() + " 项指标,测评员已评 " + graded + " 项,其中 " + differing + " 项与自评不一致。"
				+ "未自评的指标按材料完整度推定(齐全 A,≥2/3 B,≥1/3 C,其余 C#)。", 10);
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("指标", "材料完整度", "缺少的材料", "自评", "测评员评分", "测评员意见"));
		for (Tour.Box box : tour.boxes()) {
			rows.add(List.of(box.indicator().label(), box.percent() + "%", box.missing().isEmpty() ? "—" : String.join("、", box.missing()),
					box.assessed() + (box.selfGrade() == null ? "(推定)" : "(自评)"), box.inspectorGrade() == null ? "未评" : box.inspectorGrade().grade(),
					box.inspectorGrade() == null || box.inspectorGrade().comment() == null ? "" : box.inspectorGrade().comment()));
		}
		table(doc, rows, 5, 2, 3, 2, 2, 5);

		Word.run(doc.createParagraph(), "(二)量化目标", 12, true);
		rows = new ArrayList<>();
		rows.add(List.of("指标", "目标", "当前值", "是否达标"));
		for (Tour.TargetValue t : tour.targets()) {
			String goal = t.goal();
			String value = !t.built() ? "未建立数据来源" : t.value() == null ? "尚无数据" : t.value().toPlainString() + unit(t) + (t.basis() == null ? "" : "(" + t.basis() + ")");
			String met = t.met() == null ? "—" : t.met() ? "达标" : "未达标";
			rows.add(List.of(t.indicatorCode(), goal, value, met));
		}
		if (rows.size() == 1) {
			rows.add(List.of("—", "本版本测评体系未列量化目标", "", ""));
		}
		table(doc, rows, 2, 5, 4, 2);

		Word.run(doc.createParagraph(), "(三)抽查存疑材料", 12, true);
		List<Sample.Item> doubtful = tour.samples().isEmpty() ? List.of() : doubtful(tour);
		if (doubtful.isEmpty()) {
			Word.paragraph(doc, tour.samples().isEmpty() ? "尚未抽查。" : "抽查的材料中没有标为存疑的。", 10);
		}
		for (Sample.Item item : doubtful) {
			Word.paragraph(doc, "· " + item.title() + "(编号 " + item.materialId() + ",成文日期 " + item.dateFormed() + "):" + (item.note() == null ? "" : item.note())
					+ "——" + item.checkedBy(), 10);
		}

		Word.run(doc.createParagraph(), "(四)疑点信号", 12, true);
		if (tour.signalCount() == 0) {
			Word.paragraph(doc, "没有疑点信号。", 10);
		}
		for (Doubt.OfMaterial material : tour.doubts().values()) {
			if (material.signals().isEmpty()) {
				continue;
			}
			MaterialRow row = tour.boxes().stream().flatMap(b -> b.materials().stream()).filter(m -> m.id() == material.materialId()).findFirst().orElseThrow();
			Word.run(doc.createParagraph(), row.title() + "(编号 " + row.id() + ",成文日期 " + row.dateFormed() + ")", 10, true);
			for (Doubt signal : material.signals()) {
				String others = signal.related().stream().map(r -> r.title() + "(编号 " + r.materialId() + ")").reduce((a, b) -> a + "、" + b).orElse("");
				Word.paragraph(doc, "· " + signal.explanation() + (others.isEmpty() ? "" : " 涉及:" + others)
						+ (signal.relatedOutsideScope() > 0 ? " 另有 " + signal.relatedOutsideScope() + " 件在本范围之外。" : ""), 10);
			}
			for (Doubt.Note note : material.notes()) {
				Word.paragraph(doc, "  答复(" + note.writtenBy() + "):" + note.note(), 10);
			}
		}
	}

	private List<Sample.Item> doubtful(Tour tour) {
		java.util.Map<Long, Sample.Item> latest = new java.util.LinkedHashMap<>();
		for (int i = tour.samples().size() - 1; i >= 0; i--) {
			for (Sample.Item item : tour.samples().get(i).materials()) {
				if (item.verdict() != null) {
					latest.put(item.materialId(), item);
				}
			}
		}
		return latest.values().stream().filter(i -> "doubtful".equals(i.verdict())).toList();
	}

	private static String unit(Tour.TargetValue t) {
		return t.unit() == null ? "" : t.unit();
	}

	private static void table(XWPFDocument doc, List<List<String>> rows, int... weights) {
		XWPFTable table = doc.createTable(rows.size(), weights.length);
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < weights.length; c++) {
				Word.cell(table.getRow(r).getCell(c), rows.get(r).get(c), 9, r == 0);
			}
		}
		Word.widths(table, Word.spread(Word.usableWidth(false), weights));
	}
}
