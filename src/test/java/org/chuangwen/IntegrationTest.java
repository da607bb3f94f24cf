package org.chuangwen;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole platform on a random port with its own database (H2 or PostgreSQL, see {@link TestEnvironment}),
 * files and demo data. All integration tests share this one configuration, so they share one context: each
 * test creates the units it needs to assert exact numbers, or asserts changes rather than totals. Tagged
 * {@code db}: the build runs these a second time on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("db")
public @interface IntegrationTest {}
