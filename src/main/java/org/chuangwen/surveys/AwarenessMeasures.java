package org.chuangwen.surveys;

import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.targets.Measure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog's three awareness targets, each measured from the surveys that carry its key. */
@Configuration(proxyBeanMethods = false)
class AwarenessMeasures {

	private static final String BASIS = "最近一次问卷中知晓的回答 ÷ 全部回答(只计有知晓选项的题目;街道、区为所辖社区合计),下限为 95% Wilson 区间的下端";

	@Bean
	Measure familyVirtueAwareness(Questionnaires q, Tally t, DataScope s, Orgs o) {
		return new SurveyMeasure("family-virtue-awareness", "家庭美德知晓率:" + BASIS, q, t, s, o);
	}

	@Bean
	Measure moralModelAwareness(Questionnaires q, Tally t, DataScope s, Orgs o) {
		return new SurveyMeasure("moral-model-awareness", "本市道德模范知晓率:" + BASIS, q, t, s, o);
	}

	@Bean
	Measure legalEducationCoverage(Questionnaires q, Tally t, DataScope s, Orgs o) {
		return new SurveyMeasure("legal-education-coverage", "全民法制宣传教育普及率:" + BASIS, q, t, s, o);
	}
}
