package org.chuangwen.targets;

import static org.chuangwen.targets.FacilityMeasure.area;
import static org.chuangwen.targets.FacilityMeasure.count;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.Orgs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The facility targets' measures, one {@link Measure} bean per key of {@code plans.yaml}, so the registry finds them the
 * way it finds every other module's measures.
 */
@Configuration(proxyBeanMethods = false)
class FacilityMeasures {

	private static Measure of(String key, String definition, String unit, Function<Map<FacilityKind, Facilities.Facility>, BigDecimal> value,
			Facilities facilities, DataScope scope, Orgs orgs) {
		return new FacilityMeasure(key, definition, unit, value, facilities, scope, orgs);
	}

	private static Measure areaOf(String key, FacilityKind kind, Facilities facilities, DataScope scope, Orgs orgs) {
		return of(key, "设施登记中" + kind.label + "的面积(未登记为无数据,登记为没有时为 0)", "㎡", m -> area(m.get(kind)), facilities, scope, orgs);
	}

	@Bean
	Measure facilityOfficeArea(Facilities f, DataScope s, Orgs o) {
		return areaOf("facility-office-area", FacilityKind.OFFICE, f, s, o);
	}

	@Bean
	Measure facilityMultipurposeArea(Facilities f, DataScope s, Orgs o) {
		return areaOf("facility-multipurpose-area", FacilityKind.MULTIPURPOSE, f, s, o);
	}

	@Bean
	Measure facilityPoliceArea(Facilities f, DataScope s, Orgs o) {
		return areaOf("facility-police-area", FacilityKind.POLICE, f, s, o);
	}

	@Bean
	Measure facilityElderlyArea(Facilities f, DataScope s, Orgs o) {
		return areaOf("facility-elderly-area", FacilityKind.ELDERLY, f, s, o);
	}

	@Bean
	Measure facilityOutdoorArea(Facilities f, DataScope s, Orgs o) {
		return areaOf("facility-outdoor-area", FacilityKind.OUTDOOR, f, s, o);
	}

	@Bean
	Measure facilityServiceCenterArea(Facilities f, DataScope s, Orgs o) {
		return areaOf("facility-service-center-area", FacilityKind.SERVICE_CENTER, f, s, o);
	}

	@Bean
	Measure facilityHealthStationArea(Facilities f, DataScope s, Orgs o) {
		return areaOf("facility-health-station-area", FacilityKind.HEALTH_STATION, f, s, o);
	}

	@Bean
	Measure facilityFitnessPath(Facilities f, DataScope s, Orgs o) {
		return of("facility-fitness-path", "户外活动场所登记中有健身路径为 1 条,没有为 0", "条", m -> {
			Facilities.Facility outdoor = m.get(FacilityKind.OUTDOOR);
			return count(outdoor, outdoor != null && outdoor.present() && Boolean.TRUE.equals(outdoor.fitnessPath()));
		}, f, s, o);
	}

	@Bean
	Measure facilityNoticeBoard(Facilities f, DataScope s, Orgs o) {
		return of("facility-notice-board", "设施登记中设有居务公开栏为 1 个,没有为 0", "个", m -> {
			Facilities.Facility board = m.get(FacilityKind.NOTICE_BOARD);
			return count(board, board != null && board.present());
		}, f, s, o);
	}

	@Bean
	Measure facilityPublicityBoard(Facilities f, DataScope s, Orgs o) {
		return of("facility-publicity-board", "设施登记中设有宣传栏为 1 个,没有为 0", "个", m -> {
			Facilities.Facility board = m.get(FacilityKind.PUBLICITY_BOARD);
			return count(board, board != null && board.present());
		}, f, s, o);
	}

	@Bean
	Measure facilityLibraryBooks(Facilities f, DataScope s, Orgs o) {
		return of("facility-library-books", "多功能活动室(含资料图书室)登记的图书室藏书册数", "册", m -> {
			Facilities.Facility room = m.get(FacilityKind.MULTIPURPOSE);
			if (room == null || (room.present() && room.books() == null)) {
				return null;
			}
			return room.present() ? BigDecimal.valueOf(room.books()) : BigDecimal.ZERO;
		}, f, s, o);
	}

	/** 十二五's 办公服务用房 (385 → 500 ㎡) read as the office and the service centre together: the rooms it serves from. */
	@Bean
	Measure facilityOfficeServiceArea(Facilities f, DataScope s, Orgs o) {
		return of("facility-office-service-area", "办公用房与社区服务中心的面积之和(两者都未登记时无数据)", "㎡", m -> {
			BigDecimal office = area(m.get(FacilityKind.OFFICE));
			BigDecimal centre = area(m.get(FacilityKind.SERVICE_CENTER));
			if (office == null && centre == null) {
				return null;
			}
			return (office == null ? BigDecimal.ZERO : office).add(centre == null ? BigDecimal.ZERO : centre);
		}, f, s, o);
	}
}
