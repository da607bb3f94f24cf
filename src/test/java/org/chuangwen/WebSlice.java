package org.chuangwen;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.CurrentUser;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.orgs.Role;
import org.chuangwen.platform.UserMessages;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * What a {@code @WebMvcTest} slice of our controllers needs besides the controller: the real security chains
 * (form login and CSRF for pages, HTTP Basic and JSON refusals under {@code /api/}), the real messages, and the
 * beans the page layout's advice asks for, mocked ({@link DataScope}, {@link Orgs}, {@link AuditLog}). The security
 * configuration is package-private in {@code orgs}, so it is picked up by name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(WebSlice.Config.class)
@MockitoBean(types = {DataScope.class, Orgs.class, AuditLog.class})
public @interface WebSlice {

	/** A street worker of the demo tree, as the layout shows them. */
	CurrentUser WORKER = new CurrentUser("shequ1", "社区工作者", Set.of(Role.WORKER), 4L, "/1/2/3/4/");

	@TestConfiguration(proxyBeanMethods = false)
	@ComponentScan(basePackages = "org.chuangwen.orgs", useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.chuangwen\\.orgs\\.SecurityConfig.*"))
	@Import(UserMessages.class)
	class Config {}
}
