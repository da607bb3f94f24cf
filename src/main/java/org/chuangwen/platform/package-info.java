/**
 * What the business modules share and stand on: the content-addressed blob store and its reconciliation at start,
 * personal-data encryption, lookup hashes and masking, write transactions retried on conflict, throttles, checks of
 * text and dates with the one time zone, Word and print-image helpers for office documents, user-facing errors with
 * Chinese messages, and the web plumbing (Chinese-first locale, JSON errors and error pages, security headers, date binding, downloads).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.chuangwen.platform;
