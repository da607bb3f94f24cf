/**
 * 文明家庭 (civilized families, Ⅲ-119): a household nominated by a community worker, a building leader or residents,
 * reviewed against criteria (the 五好文明家庭 by default), awarded at a level from 社区 to 全国 with its award and
 * plaque dates, and revoked with a reason that is kept. Offers the share of households holding an award at district
 * level or above (target ≥20%) as a measure, and the 文明家庭统计表 to the tables module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Civilized families")
package org.chuangwen.families;
