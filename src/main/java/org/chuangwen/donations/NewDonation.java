package org.chuangwen.donations;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a worker types for a donation. {@code form} is {@code MONEY} or {@code GOODS}; for money {@code totalValue} is the
 * amount, for goods the total is {@code quantity × unitValue} unless typed.
 */
record NewDonation(Long orgUnitId, String donorKind, String donorName, Long residentId, String form, String description, BigDecimal quantity,
		BigDecimal unitValue, BigDecimal totalValue, String campaign, LocalDate date, String receiptNumber, String destination) {}
