package org.chuangwen.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo data on an empty database; on for the embedded default, off in production. */
@ConfigurationProperties("chuangwen.demo")
record DemoProperties(boolean enabled, String password) {

	DemoProperties {
		if (password == null || password.isBlank()) {
			password = "chuangwen@2026";
		}
	}
}
