package org.chuangwen.activities;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The festivals of a year that communities hold activities for: the traditional ones of 我们的节日 computed from the
 * lunar calendar (春节, 元宵, 清明, 端午, 七夕, 中秋, 重阳 and 除夕), and fixed days such as 元旦, 学雷锋日, 七一, 八一, 国庆
 * and 国际志愿者日, each with the category an activity for it belongs to.
 */
@Component
class Festivals {

	/** A festival on a date; {@code category} is the activity category that fits it. */
	record Festival(String name, LocalDate date, boolean traditional, String category) {}

	private record Fixed(String name, int month, int day, String category) {}

	private static final List<Fixed> FIXED = List.of(
			new Fixed("元旦", 1, 1, "我们的节日"),
			new Fixed("学雷锋日", 3, 5, "志愿服务"),
			new Fixed("妇女节", 3, 8, "居民联谊"),
			new Fixed("植树节", 3, 12, "公益活动(种绿护绿)"),
			new Fixed("世界读书日", 4, 23, "全民阅读"),
			new Fixed("劳动节", 5, 1, "居民联谊"),
			new Fixed("青年节", 5, 4, "志愿服务"),
			new Fixed("儿童节", 6, 1, "居民联谊"),
			new Fixed("建党节(七一)", 7, 1, "党建活动"),
			new Fixed("建军节(八一)", 8, 1, "居民联谊"),
			new Fixed("教师节", 9, 10, "道德实践"),
			new Fixed("国庆节", 10, 1, "社会主义核心价值体系学习"),
			new Fixed("国家宪法日", 12, 4, "法律进社区"),
			new Fixed("国际志愿者日", 12, 5, "志愿服务"));

	/** Every festival of {@code year}, in date order. */
	List<Festival> of(int year) {
		List<Festival> festivals = new ArrayList<>();
		festivals.add(lunar("春节", year, 1, 1));
		festivals.add(lunar("元宵节", year, 1, 15));
		festivals.add(new Festival("清明节", solar(Lunar.fromYmd(year, 1, 1).getJieQiTable().get("清明")), true, "我们的节日"));
		festivals.add(lunar("端午节", year, 5, 5));
		festivals.add(lunar("七夕节", year, 7, 7));
		festivals.add(lunar("中秋节", year, 8, 15));
		festivals.add(lunar("重阳节", year, 9, 9));
		festivals.add(new Festival("除夕", solar(Lunar.fromYmd(year, 1, 1).getSolar()).minusDays(1), true, "我们的节日"));
		for (Fixed fixed : FIXED) {
			festivals.add(new Festival(fixed.name(), LocalDate.of(year, fixed.month(), fixed.day()), false, fixed.category()));
		}
		festivals.removeIf(f -> f.date().getYear() != year);
		festivals.sort(Comparator.comparing(Festival::date));
		return festivals;
	}

	/** The festival of that name in {@code year}, if there is one. */
	Optional<Festival> find(int year, String name) {
		return of(year).stream().filter(f -> f.name().equals(name)).findFirst();
	}

	private static Festival lunar(String name, int lunarYear, int month, int day) {
		return new Festival(name, solar(Lunar.fromYmd(lunarYear, month, day).getSolar()), true, "我们的节日");
	}

	private static LocalDate solar(Solar solar) {
		return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
	}
}
