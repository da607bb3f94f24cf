package org.chuangwen.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The resource chain stays on (it resolves version-less webjar URLs), but its URL-encoding filter is switched off:
 * we use no fingerprinted resource URLs, and the filter looked every link of a page up as a file in the jar — about
 * 1 ms per link, more than half of a street dashboard's time (bench/RESULTS.md).
 */
@Configuration(proxyBeanMethods = false)
class NoResourceUrlEncoding {

	@Bean
	ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
		return new ResourceUrlEncodingFilter();
	}

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff(ResourceUrlEncodingFilter filter) {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}
}
