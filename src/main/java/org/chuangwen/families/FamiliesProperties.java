package org.chuangwen.families;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param target the share of households Ⅲ-119 asks to hold a 文明家庭 award of 区级 or above (0–1) */
@ConfigurationProperties("chuangwen.families")
record FamiliesProperties(@DefaultValue("0.20") BigDecimal target) {}
