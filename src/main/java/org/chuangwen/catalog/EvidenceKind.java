package org.chuangwen.catalog;

/** A kind of evidence (方案, 图片, 志愿者统计表 …); {@code ledger} marks the named statistics tables. */
record EvidenceKind(String name, String description, boolean ledger) {}
