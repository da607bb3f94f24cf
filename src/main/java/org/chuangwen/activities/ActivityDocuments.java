package org.chuangwen.activities;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.platform.PrintImages;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.Word;
import org.springframework.stereotype.Component;

/**
 * The documents an activity writes from its own data: the plan (方案), the sign-up list and attendance sheet, and
 * drafts of the briefing (简报) and summary (总结) with chosen photos and their captions, for the worker to edit.
 */
@Component
class ActivityDocuments {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final long maxImagePixels;

	ActivityDocuments(EvidenceArchive evidence) {
		this.maxImagePixels = evidence.maxImagePixels();
	}

	/** The record of a media report kept beside its clipping: where it appeared and for which activity. */
	void link(Activity a, String title, String url, OutputStream out) throws IOException {
		XWPFDocument doc = Word.a4(false);
		Word.title(doc, "媒体报道登记", 16);
		section(doc, "报道题目", title);
		section(doc, "报道链接", url);
		section(doc, "相关活动", a.title() + "(" + DAY.format(a.startsAt()) + "," + a.place() + ")");
		Word.write(doc, out);
	}

	void plan(Activity a, OutputStream out) throws IOException {
		XWPFDocument doc = Word.a4(false);
		Word.title(doc, StageFiling.planTitle(a), 18);
		section(doc, "一、活动主题", a.title() + "(" + a.category().name() + ")");
		section(doc, "二、活动时间", TIME.format(a.startsAt()) + " 至 " + TIME.format(a.endsAt()));
		section(doc, "三、活动地点", a.place());
		section(doc, "四、组织单位", a.organizer() != null ? a.organizer() : a.orgUnitName());
		section(doc, "五、参加对象", (a.targetGroups() != null ? a.targetGroups() : "社区居民")
				+ (a.expectedParticipants() != null ? ",预计 " + a.expectedParticipants() + " 人" : "")
				+ (a.volunteersNeeded() != null && a.volunteersNeeded() > 0 ? ",需要志愿者 " + a.volunteersNeeded() + " 名" : ""));
		section(doc, "六、活动内容", a.description() != null ? a.description() : "");
		section(doc, "七、服务的测评指标", String.join("、", a.indicators().stream().map(Indicator::label).toList()));
		Word.paragraph(doc, "", 12);
		XWPFParagraph signature = Word.paragraph(doc, a.orgUnitName(), 12);
		signature.setAlignment(ParagraphAlignment.RIGHT);
		Word.write(doc, out);
	}

	/** The sign-up list or, with {@code attendance}, the attendance sheet (签到表) with check-in and check-out times. */
	void participants(Activity a, List<Participant> people, boolean attendance, OutputStream out) throws IOException {
		XWPFDocument doc = Word.a4(false);
		Word.title(doc, a.title() + (attendance ? "签到表" : "报名表"), 16);
		Word.title(doc, TIME.format(a.startsAt()) + " · " + a.place() + " · " + a.orgUnitName(), 10);
		List<String> header = attendance ? List.of("序号", "姓名", "身份", "联系电话", "签到时间", "签退时间") : List.of("序号", "姓名", "身份", "联系电话", "报名时间");
		XWPFTable table = doc.createTable(people.size() + 1, header.size());
		table.getRow(0).setRepeatHeader(true);
		for (int c = 0; c < header.size(); c++) {
			Word.cell(table.getRow(0).getCell(c), header.get(c), 10, true);
		}
		for (int r = 0; r < people.size(); r++) {
			Participant p = people.get(r);
			List<String> values = attendance
					? List.of(String.valueOf(r + 1), p.name(), p.role().label(), p.phone(), time(p.checkedInAt()), time(p.checkedOutAt()))
					: List.of(String.valueOf(r + 1), p.name(), p.role().label(), p.phone(), time(p.signedUpAt()));
			for (int c = 0; c < values.size(); c++) {
				Word.cell(table.getRow(r + 1).getCell(c), values.get(c), 10, false);
			}
		}
		Word.widths(table, Word.spread(Word.usableWidth(false), attendance ? new int[] {5, 12, 8, 14, 18, 18} : new int[] {5, 14, 9, 16, 20}));
		Word.paragraph(doc, "共 " + people.size() + " 人" + (attendance ? "签到" : "报名") + "。联系电话已按个人信息保护要求隐去中间四位。", 10);
		Word.write(doc, out);
	}

	void briefing(Activity a, List<Participant> people, List<ActivityPhoto> photos, OutputStream out) throws IOException {
		XWPFDocument doc = Word.a4(false);
		Word.title(doc, "简  报", 26);
		Word.title(doc, a.orgUnitName() + " · " + DAY.format(a.startsAt()), 11);
		Word.title(doc, a.title(), 16);
		Word.paragraph(doc, "    " + account(a, people), 12);
		if (a.description() != null) {
			Word.paragraph(doc, "    " + a.description(), 12);
		}
		photoGrid(doc, photos);
		Word.paragraph(doc, "(此为根据活动记录生成的简报草稿,请修改完善后作为“简报”归档。)", 9);
		Word.write(doc, out);
	}

	void summary(Activity a, List<Participant> people, List<ActivityPhoto> photos, OutputStream out) throws IOException {
		XWPFDocument doc = Word.a4(false);
		Word.title(doc, a.title() + "活动总结", 18);
		section(doc, "一、活动基本情况", account(a, people));
		section(doc, "二、活动开展情况", a.description() != null ? a.description() : "(请填写)");
		section(doc, "三、取得的成效", "(请填写)");
		section(doc, "四、存在的不足与改进", "(请填写)");
		photoGrid(doc, photos);
		XWPFParagraph signature = Word.paragraph(doc, a.orgUnitName(), 12);
		signature.setAlignment(ParagraphAlignment.RIGHT);
		Word.write(doc, out);
	}

	/** One sentence with the facts of the activity, as both the briefing and the summary open. */
	static String account(Activity a, List<Participant> people) {
		long attended = people.stream().filter(Participant::attended).count();
		long volunteers = people.stream().filter(p -> p.attended() && p.role() == Participant.Role.VOLUNTEER).count();
		StringBuilder text = new StringBuilder();
		text.append(DAY.format(a.startsAt())).append(",").append(a.orgUnitName()).append("在").append(a.place()).append("开展了“")
				.append(a.title()).append("”活动");
		if (a.organizer() != null) {
			text.append(",由").append(a.organizer()).append("组织");
		}
		if (attended > 0) {
			text.append(",共有").append(attended).append("人参加");
			if (volunteers > 0) {
				text.append("(其中志愿者").append(volunteers).append("名)");
			}
		} else if (a.expectedParticipants() != null) {
			text.append(",预计").append(a.expectedParticipants()).append("人参加");
		}
		return text.append("。").toString();
	}

	private void photoGrid(XWPFDocument doc, List<ActivityPhoto> photos) throws IOException {
		if (photos.isEmpty()) {
			return;
		}
		int rows = (photos.size() + 1) / 2;
		XWPFTable table = doc.createTable(rows, 2);
		for (int i = 0; i < photos.size(); i++) {
			XWPFTableCell cell = table.getRow(i / 2).getCell(i % 2);
			ActivityPhoto photo = photos.get(i);
			XWPFParagraph picture = cell.getParagraphs().get(0);
			picture.setAlignment(ParagraphAlignment.CENTER);
			PrintImages.Printable image = PrintImages.printable(photo.bytes(), 1000, maxImagePixels);
			if (image != null) {
				double scale = Math.min(cm(7.8) / image.width(), cm(5.8) / image.height());
				try (InputStream in = new java.io.ByteArrayInputStream(image.jpeg())) {
					picture.createRun().addPicture(in, Document.PICTURE_TYPE_JPEG, Text.printable(photo.file().name()), Units.toEMU(image.width() * scale),
							Units.toEMU(image.height() * scale));
				} catch (InvalidFormatException e) {
					throw new IOException(e);
				}
			}
			String caption = photo.file().caption().title() != null ? photo.file().caption().title() : photo.materialTitle();
			XWPFParagraph text = cell.addParagraph();
			text.setAlignment(ParagraphAlignment.CENTER);
			Word.run(text, caption + (photo.file().shownTime() != null ? "(" + TIME.format(photo.file().shownTime()) + ")" : ""), 9, false);
		}
		Word.widths(table, Word.spread(Word.usableWidth(false), 1, 1));
	}

	private static void section(XWPFDocument doc, String heading, String body) {
		Word.run(doc.createParagraph(), heading, 14, true);
		for (String line : body.split("\\R")) {
			Word.paragraph(doc, "    " + line, 12);
		}
	}

	private static String time(java.time.LocalDateTime time) {
		return time == null ? "" : TIME.format(time);
	}

	private static double cm(double centimetres) {
		return centimetres * 72 / 2.54;
	}
}
