/**
 * Donations to a community (社区捐助): money or goods from a resident, a household, a unit or an anonymous donor, by
 * campaign, with a receipt number unique in the unit; corrections keep what they replaced. Offers the 社区捐助统计表
 * to the tables module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Donations")
package org.chuangwen.donations;
