package org.chuangwen.evidence;

/** A photo: file {@code index} (0-based) of a material. */
public record PhotoRef(long materialId, int index) {}
