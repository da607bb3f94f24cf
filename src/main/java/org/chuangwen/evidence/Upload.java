package org.chuangwen.evidence;

import org.springframework.core.io.InputStreamSource;

/** One incoming file; {@code content} can be opened more than once (it sits in a temporary file). */
public record Upload(String name, long size, InputStreamSource content) {}
