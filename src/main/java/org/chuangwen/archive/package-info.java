/**
 * The print-ready archive: archival numbers after DA/T 22 that never change once given, the box cover and spine,
 * the 归档文件目录 (DOCX, XLSX), captioned photo pages after DA/T 50, and ZIP exports of a box or a community with a
 * manifest that {@code sha256sum -c} checks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Print-ready archive")
package org.chuangwen.archive;
