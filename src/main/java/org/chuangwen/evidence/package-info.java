/**
 * The evidence archive: materials (件) with their files, filed against one or more indicators, and the archive
 * box of each community and indicator showing what is there and what is missing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence archive")
package org.chuangwen.evidence;
