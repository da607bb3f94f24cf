package org.chuangwen.evidence;

/** What is needed to send a stored file: its name, type, size and key. */
record FileDownload(String name, String contentType, long size, String sha256) {}
