/**
 * Registers defined by a schema (登记簿): an administrator names a register's columns and their types without code;
 * communities keep its rows, with a list page, a form, an Excel template, a streaming import with a row-level error
 * report and an XLSX export; personal data columns are encrypted and masked. The 社区物业, 社区网吧 and 治安志愿者
 * statistics tables are computed from its rows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registers")
package org.chuangwen.registers;
