/**
 * 道德银行 (moral bank): double-entry books in points per resident, filled from confirmed volunteer hours and
 * confirmed good deeds, drawn on by deductions for misconduct and redemptions of rewards; its monthly 公示 list and
 * the 道德银行服务统计表.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moral bank")
package org.chuangwen.moralbank;
