package org.chuangwen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class EditionParserTests {

	private static final String SOURCE_ORDER = "Ⅲ-115 Ⅲ-116 Ⅲ-117 Ⅲ-17 Ⅲ-52a Ⅲ-25 Ⅲ-26 Ⅲ-28 Ⅲ-29 Ⅲ-119 Ⅲ-37 Ⅲ-47 Ⅲ-49 Ⅲ-53 "
			+ "Ⅲ-54 Ⅲ-52b Ⅲ-91 Ⅲ-93 Ⅲ-9 Ⅲ-16 Ⅲ-34 Ⅲ-19";

	private final ResourceBundleMessageSource messages = messages();
	private final EditionParser.Parsed seed = EditionParser.parse(seedFile());

	@Test
	void readsAllTwentyTwoIndicatorsOfTheSeedInSourceOrder() {
		assertThat(seed.indicators()).extracting(Indicator::code).containsExactly(SOURCE_ORDER.split(" "));
		assertThat(seed.indicators()).extracting(Indicator::sort).isSorted();
		assertThat(seed.code()).isEqualTo("wmcs-shequ-2011");
		assertThat(seed.period()).isEqualTo(new EvidencePeriod(2009, 2010, 2011, 2011));
	}

	@Test
	void keepsBothIndicatorsThatShareCode52AndAddressesEachUnambiguously() {
		Indicator volunteers = indicator("Ⅲ-52a");
		Indicator network = indicator("Ⅲ-52b");
		assertThat(volunteers.sourceCode()).isEqualTo("Ⅲ-52");
		assertThat(network.sourceCode()).isEqualTo("Ⅲ-52");
		assertThat(volunteers.title()).isEqualTo("社区志愿服务活动");
		assertThat(volunteers.printedTitle()).isEqualTo("社区志服务活动");
		assertThat(network.title()).isEqualTo("网络环境");
		assertThat(volunteers.evidenceKinds()).contains("志愿者统计表", "章程", "组织机构");
		assertThat(network.evidenceKinds()).contains("社区网吧统计表", "名单");
		assertThat(findings("duplicate-code")).extracting(Finding::indicatorCode).containsExactly("Ⅲ-52a", "Ⅲ-52b");
		assertThat(text(findings("duplicate-code").get(1).action())).contains("Ⅲ-52b", "网络环境");
	}

	@Test
	void reportsEveryCodeSplitAcrossLinesAndJoinsIt() {
		assertThat(indicator("Ⅲ-17").printedCode()).isEqualTo("Ⅲ-\n\n17");
		List<Finding> split = findings("split-code");
		assertThat(split).extracting(Finding::indicatorCode)
				.containsExactly("Ⅲ-17", "Ⅲ-52a", "Ⅲ-25", "Ⅲ-26", "Ⅲ-28", "Ⅲ-29", "Ⅲ-37", "Ⅲ-47", "Ⅲ-49", "Ⅲ-53", "Ⅲ-54",
						"Ⅲ-52b", "Ⅲ-9", "Ⅲ-16", "Ⅲ-34", "Ⅲ-19");
		assertThat(text(split.get(0).detail())).contains("Ⅲ-⏎⏎17");
		assertThat(text(split.get(0).action())).contains("Ⅲ-17");
	}

	@Test
	void reportsTheCutOffRequirementAndTheRunOnCodeDeclaredInTheFile() {
		assertThat(findings("truncated")).extracting(Finding::indicatorCode).containsExactly("Ⅲ-29");
		assertThat(indicator("Ⅲ-29").evidenceText()).endsWith("主要围绕我们");
		assertThat(findings("run-on")).extracting(Finding::indicatorCode).contains("Ⅲ-93");
		assertThat(indicator("Ⅲ-91").evidenceText()).doesNotContain("Ⅲ-93");
	}

	@Test
	void transcribesTheQuantitativeTargets() {
		assertThat(indicator("Ⅲ-17").targets()).singleElement().satisfies(t -> {
			assertThat(t.metric()).isEqualTo("选民参选率");
			assertThat(t.comparator()).isEqualTo(">=");
			assertThat(t.threshold()).isEqualByComparingTo("80");
			assertThat(t.unit()).isEqualTo("%");
			assertThat(t.isMetBy(new BigDecimal("80"))).isTrue();
			assertThat(t.isMetBy(new BigDecimal("79.9"))).isFalse();
		});
		assertThat(indicator("Ⅲ-53").targets()).extracting(Target::threshold).containsExactly(new BigDecimal("70"));
		assertThat(indicator("Ⅲ-119").targets()).extracting(Target::threshold)
				.usingElementComparator(BigDecimal::compareTo)
				.containsExactly(new BigDecimal("80"), new BigDecimal("20"));
		assertThat(indicator("Ⅲ-117").targets()).extracting(Target::metric).containsExactly("科教、文体、法律、卫生、环保进社区活动覆盖率");
		assertThat(seed.indicators().stream().mapToInt(i -> i.targets().size()).sum()).isEqualTo(7);
	}

	@Test
	void namesEveryKindTheSeedAsksForIncludingTheNamedLedgers() {
		assertThat(seed.kinds()).filteredOn(EvidenceKind::ledger).extracting(EvidenceKind::name).containsExactlyInAnyOrder(
				"志愿者统计表", "社区捐助统计表", "文明家庭统计表", "道德银行服务统计表", "社区物业统计表", "社区网吧统计表", "治安志愿者统计表");
		assertThat(indicator("Ⅲ-116").evidenceKinds()).containsExactly("街道下发的方案", "方案", "总结", "图片", "记录", "简报", "媒体报道");
		assertThat(indicator("Ⅲ-49").evidenceKinds()).contains("社区捐助统计表");
		assertThat(indicator("Ⅲ-91").evidenceKinds()).contains("治安志愿者统计表");
	}

	@Test
	void refusesAnUnknownKindNamingTheEntryAndField() {
		String broken = seedFile().replace("evidenceKinds: [组织机构, 制度, 经费保障]", "evidenceKinds: [组织机构, 制度, 图像]");
		assertThatThrownBy(() -> EditionParser.parse(broken))
				.isInstanceOfSatisfying(EditionRejected.class, e -> assertThat(message(e))
						.contains("第 1 条指标(Ⅲ-115)", "evidenceKinds", "图像", "当前使用的版本保持不变"));
	}

	@Test
	void refusesAMissingTitleAndABadComparatorAndAMistypedField() {
		assertThat(rejection(seedFile().replaceFirst("title: 讲文明树新风活动", "titel: 讲文明树新风活动")))
				.contains("第 2 条指标(Ⅲ-116)", "titel", "未知字段");
		assertThat(rejection(seedFile().replace("comparator: \">=\", threshold: 70", "comparator: \"≥\", threshold: 70")))
				.contains("Ⅲ-53", "targets[1].comparator", "≥");
		assertThat(rejection(seedFile().replace("threshold: 70", "threshold: 七十")))
				.contains("Ⅲ-53", "targets[1].threshold", "七十");
		assertThat(rejection(seedFile().replace("code: \"Ⅲ-115\"", "code: \"第115条\"")))
				.contains("第 1 条指标", "code", "第115条");
	}

	@Test
	void readsEachIndicatorsWeightAsDataOneWhenAbsentAndRefusesANonPositiveOne() {
		assertThat(seed.indicators()).extracting(Indicator::weight).allSatisfy(w -> assertThat(w).isEqualByComparingTo("1"));
		EditionParser.Parsed weighted = EditionParser.parse(seedFile().replace("- code: \"Ⅲ-115\"\n", "- code: \"Ⅲ-115\"\n    weight: 2.5\n"));
		assertThat(weighted.indicators().get(0).weight()).isEqualByComparingTo("2.5");
		assertThat(weighted.indicators().get(1).weight()).isEqualByComparingTo("1");
		assertThat(rejection(seedFile().replace("- code: \"Ⅲ-115\"\n", "- code: \"Ⅲ-115\"\n    weight: 0\n")))
				.contains("第 1 条指标(Ⅲ-115)", "weight", "0");
		assertThat(rejection(seedFile().replace("- code: \"Ⅲ-115\"\n", "- code: \"Ⅲ-115\"\n    weight: 重\n"))).contains("weight", "重");
	}

	@Test
	void refusesBrokenYamlWithTheLine() {
		assertThat(rejection("edition:\n  code: x\n  name: [unclosed\nkinds: []\n")).contains("YAML", "第 4 行");
		assertThat(rejection("- just\n- a list\n")).contains("文件");
	}

	@Test
	void readsCodesTheWayPeopleTypeThem() {
		assertThat(IndicatorCodes.normalize("III-17")).isEqualTo("Ⅲ-17");
		assertThat(IndicatorCodes.normalize("Ⅲ－52A")).isEqualTo("Ⅲ-52a");
		assertThat(IndicatorCodes.normalize(" Ⅲ-\n\n9、")).isEqualTo("Ⅲ-9");
		assertThat(IndicatorCodes.isValid("Ⅲ-9")).isTrue();
		assertThat(IndicatorCodes.isValid("III-9")).isFalse();
	}

	private String rejection(String text) {
		try {
			EditionParser.parse(text);
		} catch (EditionRejected e) {
			return message(e);
		}
		throw new AssertionError("the file was accepted");
	}

	private String message(EditionRejected e) {
		return messages.getMessage(e.messageKey(), e.args(), Locale.SIMPLIFIED_CHINESE);
	}

	private String text(org.springframework.context.MessageSourceResolvable resolvable) {
		return messages.getMessage(resolvable, Locale.SIMPLIFIED_CHINESE);
	}

	private Indicator indicator(String code) {
		return seed.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
	}

	private List<Finding> findings(String problem) {
		return seed.findings().stream().filter(f -> f.problem().equals(problem)).toList();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static String seedFile() {
		try (InputStream in = EditionParserTests.class.getResourceAsStream("/catalog/edition-2011.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
