/**
 * Statistics tables (统计表) computed from the ledgers of other modules: listed, exported as XLSX in the form an
 * inspector expects, and filed with one click into every box that asks for them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tables")
package org.chuangwen.tables;
