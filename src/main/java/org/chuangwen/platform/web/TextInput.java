package org.chuangwen.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.TextRefused;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one place where incoming text is checked (see {@link Text}): every JSON string (request bodies and the multipart
 * {@code meta} parts read with the application's mapper) and every request parameter (form posts, multipart form
 * fields, query strings). Fields named in {@link #MULTI_LINE} may also hold tabs and line breaks (the multipart
 * {@code meta} part is a JSON document; its strings are checked as JSON).
 */
@Configuration(proxyBeanMethods = false)
class TextInput implements WebMvcConfigurer {

	static final Set<String> MULTI_LINE = Set.of("description", "meta");

	@Bean
	JacksonModule checkedStrings() {
		return new SimpleModule("checked-strings").addDeserializer(String.class, new CheckedStrings());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
					for (String value : parameter.getValue()) {
						Text.check(parameter.getKey(), value, MULTI_LINE.contains(parameter.getKey()));
					}
				}
				return true;
			}
		});
	}

	/** Jackson's own String deserializer, followed by the check. */
	private static final class CheckedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			String field = field(parser);
			if (Text.firstInvalid(value, MULTI_LINE.contains(field)) >= 0) {
				throw new TextRefused(parser, field);
			}
			return value;
		}

		private static String field(JsonParser parser) {
			for (TokenStreamContext context = parser.streamReadContext(); context != null; context = context.getParent()) {
				if (context.currentName() != null) {
					return context.currentName();
				}
			}
			return null;
		}
	}
}
