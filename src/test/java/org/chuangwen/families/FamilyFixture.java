package org.chuangwen.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;
import tools.jackson.databind.JsonNode;

/** A fresh community with one building and a household per room, its roster imported over HTTP as a worker does. */
final class FamilyFixture {

	final Api api;
	final long community;
	final String name;
	final List<Long> households = new ArrayList<>();
	final List<String> idNumbers = new ArrayList<>();

	FamilyFixture(Api api, int householdCount) {
		this.api = api;
		this.name = "家庭" + System.nanoTime() % 100000 + "社区";
		this.community = api.newCommunity(name);
		assertThat(api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"8号楼\"}").status())
				.isEqualTo(201);
		String born = LocalDate.of(1975, 1, 1).plusDays(System.nanoTime() % 7000).format(DateTimeFormatter.BASIC_ISO_DATE);
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i <= householdCount; i++) {
			String id = id(born, 2 * i + 1);
			idNumbers.add(id);
			rows.add(List.of("户主" + i, "男", id, "1390000" + "%04d".formatted(i), "8号楼", "1单元", String.valueOf(100 + i), "户主", "户籍人口", ""));
			String spouse = id(born, 2 * i + 200);
			idNumbers.add(spouse);
			rows.add(List.of("配偶" + i, "女", spouse, "", "8号楼", "1单元", String.valueOf(100 + i), "配偶", "户籍人口", ""));
		}
		Api.Response imported = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("花名册.xlsx", xlsx(rows))));
		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		assertThat(imported.json().get("rejected").asInt()).as(imported.text()).isZero();
		for (JsonNode h : api.get("jiedao", "/api/v1/households?orgUnitId=" + community + "&size=200").json().get("items")) {
			households.add(h.get("id").asLong());
		}
		assertThat(households).hasSize(householdCount);
	}

	long household(int n) {
		return households.get(n - 1);
	}

	private static String id(String born, int sequence) {
		String first17 = "110101" + born + "%03d".formatted(sequence);
		int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	private static byte[] xlsx(List<List<String>> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("居民");
			write(sheet.createRow(0), List.of("姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌", "户主关系", "人员类别", "关爱群体"));
			for (int i = 0; i < rows.size(); i++) {
				write(sheet.createRow(i + 1), rows.get(i));
			}
			book.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(Row row, List<String> cells) {
		for (int c = 0; c < cells.size(); c++) {
			row.createCell(c).setCellValue(cells.get(c));
		}
	}
}
