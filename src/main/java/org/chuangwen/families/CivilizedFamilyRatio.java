package org.chuangwen.families;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.chuangwen.targets.Measure;
import org.springframework.stereotype.Component;

/** Ⅲ-119's 区级以上(含区级)文明家庭的比例 for the targets registry, in per cent; nothing to measure without households. */
@Component
class CivilizedFamilyRatio implements Measure {

	private final Awards awards;

	CivilizedFamilyRatio(Awards awards) {
		this.awards = awards;
	}

	@Override
	public String key() {
		return "civilized-family-ratio";
	}

	@Override
	public String definition() {
		return Awards.DEFINITION;
	}

	@Override
	public Optional<Figure> measure(long orgUnitId, LocalDate on) {
		Awards.Share share = awards.share(orgUnitId, on);
		if (share.households() == 0) {
			return Optional.empty();
		}
		BigDecimal percent = BigDecimal.valueOf(share.awardedDistrictOrAbove() * 100).divide(BigDecimal.valueOf(share.households()), 1, RoundingMode.HALF_UP);
		return Optional.of(new Figure(percent, null, share.awardedDistrictOrAbove() + " / " + share.households() + " 户",
				"/families?orgUnitId=" + orgUnitId + "&counted=true#counted"));
	}
}
