package org.chuangwen.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a doubt signal is raised. {@code nearDuplicateDistance}: two pictures whose 64-bit dHash differ in at most
 * this many bits show the same scene (re-shot or re-saved); 6 keeps re-encoded and slightly edited copies together
 * while unrelated pictures differ in about half their bits. {@code cameraDaysApart}: a camera time more than this
 * many days from the date formed contradicts it (a camera clock a day off, or an evening activity filed the next
 * morning, does not).
 */
@ConfigurationProperties("chuangwen.inspection")
record InspectionProperties(Integer nearDuplicateDistance, Integer cameraDaysApart) {

	InspectionProperties {
		if (nearDuplicateDistance == null || nearDuplicateDistance < 0) {
			nearDuplicateDistance = 6;
		}
		if (cameraDaysApart == null || cameraDaysApart < 0) {
			cameraDaysApart = 3;
		}
	}
}
