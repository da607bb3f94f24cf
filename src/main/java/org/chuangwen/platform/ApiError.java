package org.chuangwen.platform;

/** The body of every API error: a stable code and a message for people, in Chinese by default. */
public record ApiError(String error, String message) {}
