package org.chuangwen.orgs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.UserMessages;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * For a {@code @WebMvcTest} slice of any module's controllers: the application's own security rules (form login for
 * pages, HTTP Basic with JSON 401/403 under {@code /api}), the message bundles, and mocks of what the security rules
 * and the shared controller advice ask for ({@code me}, {@code myUnit}). {@link SecurityConfig} stays package-private;
 * this is the one door to it from other modules' tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({SecurityConfig.class, SecurityConfig.ApiErrors.class, UserMessages.class})
@MockitoBean(types = {AuditLog.class, DataScope.class, Orgs.class})
public @interface SecuredWebSlice {}
