package org.chuangwen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's clock in tests: the real time plus an offset a test may move forward ({@link #advance}) to let
 * windows and blocks pass, and must put back ({@link #reset}) when it ends, because all integration tests share one
 * context. Installed into every test context (see {@code META-INF/spring.factories}) in place of the {@code Clock} bean.
 */
public final class TestClock extends Clock {

	private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);
	private static final TestClock INSTANCE = new TestClock();

	private TestClock() {}

	public static void advance(Duration by) {
		OFFSET.updateAndGet(offset -> offset.plus(by));
	}

	public static void reset() {
		OFFSET.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), OFFSET.get());
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(OFFSET.get());
	}

	/** Replaces the application's {@code Clock} bean with the test clock. */
	public static final class Installer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof Clock ? INSTANCE : bean;
				}
			});
		}
	}
}
