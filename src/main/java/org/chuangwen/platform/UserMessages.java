package org.chuangwen.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** Resolves messages for people in the request's language (Chinese unless they chose English). */
@Component
public class UserMessages {

	private final MessageSource messages;
	private final LocaleResolver locales;

	UserMessages(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	public String of(HttpServletRequest request, String key, Object... args) {
		return messages.getMessage(key, args, key, locales.resolveLocale(request));
	}

	public String of(HttpServletRequest request, UserFacingException e) {
		return of(request, e.messageKey(), e.args());
	}

	public String of(HttpServletRequest request, MessageSourceResolvable resolvable) {
		return messages.getMessage(resolvable, locales.resolveLocale(request));
	}
}
