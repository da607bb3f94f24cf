package org.chuangwen.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.chuangwen.platform.ApiError;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before any servlet sees them (an encoded slash {@code %2F} in the path, a request line or
 * headers over {@code server.max-http-request-header-size}) are answered like every other error: JSON
 * {@code {"error", "message"}} under {@code /api/}, a short Chinese page elsewhere, instead of Tomcat's English one.
 * The encoded slash stays refused (Tomcat's default): no URL of ours has one, and decoding it would let
 * {@code a%2F..%2Fb} reach the security rules as a different path.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> chineseContainerErrors(MessageSource messages) {
		return factory -> factory.addContextCustomizers(context -> {
			Container parent = context.getParent();
			if (parent instanceof StandardHost host) {
				// the host adds a valve of this class only when it has none of it: ours, with the messages
				host.setErrorReportValveClass(Report.class.getName());
				host.getPipeline().addValve(new Report(messages));
			}
		});
	}

	/** Tomcat's error report, in our words and format. */
	static class Report extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private final MessageSource messages;

		Report(MessageSource messages) {
			this.messages = messages;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String uri = rawUri(request);
			String error;
			String message;
			if (uri.toLowerCase(Locale.ROOT).matches(".*%(2f|5c|00).*")) {
				error = "invalid_path";
				message = text("error.request.path");
			} else if (status == 414 || status == 431 || tooLarge(throwable) || uri.isEmpty()) {
				error = "request_too_long";
				Object limit = request.getConnector() == null ? null : request.getConnector().getProperty("maxHttpRequestHeaderSize");
				message = text("error.request.too-long", limit instanceof Integer bytes ? bytes / 1024 : 8);
			} else {
				error = "bad_request";
				message = text("error.request.rejected");
			}
			try {
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.setLocale(Locale.SIMPLIFIED_CHINESE);
				String body;
				if (uri.isEmpty() || uri.startsWith("/api/")) {
					response.setContentType("application/json");
					body = JSON.writeValueAsString(new ApiError(error, message));
				} else {
					response.setContentType("text/html");
					body = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + text("error.title")
							+ "</title></head><body><h1>" + text("error.title") + "</h1><p>" + HtmlUtils.htmlEscape(message)
							+ "</p><p><a href=\"/\">" + text("app.name") + "</a></p></body></html>";
				}
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			} catch (IOException | IllegalStateException e) {
				// the client is gone or the response already committed: nothing left to tell
			}
		}

		private static String rawUri(Request request) {
			String uri = request.getCoyoteRequest().requestURI().toString();
			return uri == null ? "" : uri;
		}

		private static boolean tooLarge(Throwable t) {
			for (Throwable c = t; c != null; c = c.getCause()) {
				if (c.getMessage() != null && c.getMessage().contains("too large")) {
					return true;
				}
			}
			return false;
		}

		private String text(String key, Object... args) {
			return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
		}
	}
}
