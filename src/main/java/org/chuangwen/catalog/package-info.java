/**
 * The evaluation system (测评体系) as data: editions loaded from files, their indicators, the evidence kinds each
 * asks for, quantitative targets, and the import report of every flaw found in the source and what was done.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.chuangwen.catalog;
