/**
 * Cross-cutting pieces used by at least two modules: the content-addressed file store, user-facing errors
 * with Chinese messages, the page layout, locale and error handling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.chuangwen.platform;
