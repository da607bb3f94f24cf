package org.chuangwen.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param importBatch rows written per statement batch (and per transaction) while a roster is imported
 * @param reportedRows the most refused rows an import answer lists; the error report holds them all
 * @param pageSize residents per list page when the caller names none
 * @param participationTarget the share of residents Ⅲ-53 asks to take part in 公益 activities
 */
@ConfigurationProperties("chuangwen.people")
record PeopleProperties(@DefaultValue("500") int importBatch, @DefaultValue("1000") int reportedRows, @DefaultValue("20") int pageSize,
		@DefaultValue("0.70") double participationTarget) {}
