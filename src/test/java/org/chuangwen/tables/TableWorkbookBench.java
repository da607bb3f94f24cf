package org.chuangwen.tables;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures writing a 志愿者统计表 of N rows (a benchmark, not a test): time, file size and peak heap. Run after
 * {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt} with
 * {@code java -Xmx64m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.chuangwen.tables.TableWorkbookBench 100000}.
 */
final class TableWorkbookBench {
	public static void main(String[] args) throws Exception {
		int n = Integer.parseInt(args[0]);
		List<List<Object>> rows = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			rows.add(Arrays.asList(i + 1, "V1-" + i, "志愿者" + i, "139****" + String.format("%04d", i % 10000), "第一队", "急救", new BigDecimal("12.50"), "一星"));
		}
		var table = new StatisticsTable.Table(List.of("序号", "志愿者编号", "姓名", "联系电话", "所属队伍", "技能特长", "服务时长(小时)", "星级"), rows,
				List.of("合计", n + "人", "", "", "", "", new BigDecimal("1"), ""));
		long t0 = System.nanoTime();
		var out = new java.io.ByteArrayOutputStream();
		TableWorkbook.write(out, "志愿者统计表", "某街道", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), table, "测试", LocalDate.of(2026, 11, 29));
		long ms = (System.nanoTime() - t0) / 1_000_000;
		long peak = 0;
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
			if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
		}
		System.out.println(n + " rows: " + ms + " ms, " + out.size() / 1024 + " KiB, peak heap (sum of pool peaks) " + peak / (1024 * 1024) + " MiB");
	}
}
