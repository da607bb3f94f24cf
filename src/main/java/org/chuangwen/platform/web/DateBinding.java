package org.chuangwen.platform.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.chuangwen.platform.Dates;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and times in JSON bodies (the application's mapper, so also the {@code meta} parts read with it) and in page
 * forms and query parameters are all read by {@link Dates}: offsets are converted to Beijing time, and years such as
 * 0000 or 9999 are refused as {@code invalid_date} naming the field. Writing is unchanged (local ISO times).
 */
@Configuration(proxyBeanMethods = false)
class DateBinding implements WebMvcConfigurer {

	@Bean
	JsonMapperBuilderCustomizer datesAsPeopleMeanThem() {
		SimpleModule module = new SimpleModule("chuangwen-dates");
		module.addDeserializer(LocalDateTime.class, new ValueDeserializer<>() {
			@Override
			public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
				return Dates.dateTime(p.currentName(), text(p, ctxt, LocalDateTime.class));
			}
		});
		module.addDeserializer(LocalDate.class, new ValueDeserializer<>() {
			@Override
			public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
				return Dates.date(p.currentName(), text(p, ctxt, LocalDate.class));
			}
		});
		return builder -> builder.addModule(module);
	}

	/** A number or {@code true} where a date belongs is refused as no date, naming the field, like a bad string. */
	private static String text(JsonParser p, DeserializationContext ctxt, Class<?> type) {
		JsonToken token = p.currentToken();
		if (token == null || !token.isScalarValue()) {
			return (String) ctxt.handleUnexpectedToken(type, p);
		}
		// a number's or a boolean's text never reads as an ISO date, so it is refused by the same rule
		return p.getString();
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		// the field is named by the error handling, which knows which form field failed to bind
		registry.addFormatterForFieldType(LocalDateTime.class, new Formatter<LocalDateTime>() {
			@Override
			public LocalDateTime parse(String text, Locale locale) {
				return Dates.dateTime(null, text);
			}

			@Override
			public String print(LocalDateTime value, Locale locale) {
				return value.toString();
			}
		});
		registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
			@Override
			public LocalDate parse(String text, Locale locale) {
				return Dates.date(null, text);
			}

			@Override
			public String print(LocalDate value, Locale locale) {
				return value.toString();
			}
		});
	}
}
