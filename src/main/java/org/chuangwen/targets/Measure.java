package org.chuangwen.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A figure that a module computes from its own rows for a quantitative target, such as 选民参选率 from the elections
 * ledger or 区级以上文明家庭的比例 from the families ledger. Each module offers its figures as Spring beans implementing
 * this interface; the targets module matches a target to the measure with the same {@link #key()}, compares the figure
 * with the threshold and links to the rows behind it. A target that no measure answers is shown as not built yet,
 * never guessed.
 */
public interface Measure {

	/** The key of the target this measures, as the edition's YAML or a plan names it, e.g. {@code voter-turnout}. */
	String key();

	/** How the figure is counted, in Chinese, shown beside the number (e.g. 已投票选民数 ÷ 登记选民数). */
	String definition();

	/**
	 * The figure for a unit in the caller's scope as of a day: a community's own, or for a street or district the figure
	 * over all its communities. Empty when there is nothing to count yet (no election held, no closed survey).
	 *
	 * @throws org.chuangwen.platform.UserFacingException 404 for a unit outside the caller's scope
	 */
	Optional<Figure> measure(long orgUnitId, LocalDate on);

	/**
	 * @param value the figure in the target's unit; a share is in per cent (83.5 for 83.5%)
	 * @param lowerBound for a figure estimated from a sample (a survey), the lower end of its 95% confidence interval in
	 *     the same unit; {@code null} for a count of every row
	 * @param basis what was counted, for people, e.g. {@code 167 / 200 户}
	 * @param rows the path of the page that lists the rows behind the number, e.g. {@code /elections/7}
	 */
	record Figure(BigDecimal value, BigDecimal lowerBound, String basis, String rows) {}
}
