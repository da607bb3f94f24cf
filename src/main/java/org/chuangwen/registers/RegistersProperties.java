package org.chuangwen.registers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param importBatch rows written per statement batch (and per transaction) while a register sheet is imported
 * @param reportedRows the most refused rows an import answer lists; the error report holds them all
 * @param pageSize rows per list page when the caller names none
 */
@ConfigurationProperties("chuangwen.registers")
record RegistersProperties(@DefaultValue("500") int importBatch, @DefaultValue("1000") int reportedRows, @DefaultValue("20") int pageSize) {}
