package org.chuangwen.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.platform.Zones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The activities list and an activity's participants taken to Excel, phones masked. */
@IntegrationTest
class ActivityExportTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	@LocalServerPort
	int port;

	Api api;
	long community;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		community = api.newCommunity("导出活动社区");
	}

	@Test
	void activitiesAndParticipantsComeOutWithPhonesMasked() throws IOException {
		LocalDateTime now = LocalDateTime.now(Zones.SHANGHAI).withNano(0);
		Api.Response planned = api.postJson("jiedao", "/api/v1/activities", "{\"orgUnitId\":" + community
				+ ",\"title\":\"导出测试活动\",\"category\":\"志愿服务\",\"indicatorCodes\":[],\"startsAt\":\"" + LOCAL.format(now.minusMinutes(10))
				+ "\",\"endsAt\":\"" + LOCAL.format(now.plusHours(1)) + "\",\"place\":\"社区活动室\"}");
		assertThat(planned.status()).as(planned.text()).isEqualTo(201);
		long id = planned.id();
		assertThat(api.postJson("jiedao", "/api/v1/activities/" + id + "/check-ins",
				"{\"name\":\"李四\",\"phone\":\"13900002222\",\"role\":\"VOLUNTEER\"}").status()).isEqualTo(201);

		Api.Response list = api.get("jiedao", "/api/v1/activities.xlsx?from=" + now.toLocalDate() + "&to=" + now.toLocalDate().plusDays(1));
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		List<List<String>> rows = read(list.body());
		assertThat(rows.get(0).get(0)).isEqualTo("活动清单");
		assertThat(rows.get(1).get(0)).contains("开始日期自:" + now.toLocalDate());
		assertThat(rows.get(3)).startsWith("编号", "活动名称");
		assertThat(rows.subList(4, rows.size())).anySatisfy(r -> {
			assertThat(r.get(1)).isEqualTo("导出测试活动");
			assertThat(r.get(6)).isEqualTo("导出活动社区");
			assertThat(r.get(10)).isEqualTo("1");
		});

		byte[] participants = Session.login(port, "jiedao", Api.PASSWORD).bytes("/activities/" + id + "/participants.xlsx");
		List<List<String>> people = read(participants);
		assertThat(people.get(0).get(0)).isEqualTo("导出测试活动参加人员");
		assertThat(people.get(3)).startsWith("姓名", "身份", "电话");
		assertThat(people).hasSize(5);
		assertThat(people.get(4).get(0)).isEqualTo("李四");
		assertThat(people.get(4).get(1)).isEqualTo("志愿者");
		assertThat(people.get(4).get(2)).isNotEqualTo("13900002222").contains("****");
		assertThat(new String(participants, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("13900002222");

		assertThat(api.get("shequ1", "/api/v1/activities/" + id + "/participants.xlsx").status()).isEqualTo(404);
	}

	private static List<List<String>> read(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter format = new DataFormatter();
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
					cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
