package org.chuangwen.platform;

import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;

/**
 * JSON text that cannot be stored (see {@link Text}), raised while a body or a multipart {@code meta} part is read.
 * It is a Jackson exception so that Jackson adds the path and lets it through; callers turn it into
 * {@code 400 invalid_text} with {@link #in}.
 */
public class TextRefused extends DatabindException {

	private final String field;

	public TextRefused(JsonParser parser, String field) {
		super(parser, "text that cannot be stored in field " + field);
		this.field = field;
	}

	/** The refusal to answer when {@code failure} (or one of its causes) is refused text. */
	public static Optional<UserFacingException> in(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof TextRefused refused) {
				return Optional.of(Text.invalid(refused.field));
			}
		}
		return Optional.empty();
	}
}
