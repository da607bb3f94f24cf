package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A service record entered by hand for service outside the platform: date, hours (actual service, no travel) and
 * content are required; title (活动名称), organizer (活动组织单位), leader (活动负责人) and served (服务对象) are optional.
 */
record HandEntry(LocalDate date, BigDecimal hours, String content, String place, String title, String organizer, String leader, String served) {}
