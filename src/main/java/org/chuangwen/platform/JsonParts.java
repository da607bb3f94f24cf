package org.chuangwen.platform;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Reads the JSON part of a multipart request (the {@code meta} of an upload) with the application's mapper. */
public final class JsonParts {

	private JsonParts() {}

	/**
	 * @return the part read as {@code type}
	 * @throws UserFacingException {@code invalid_text} naming the field for text that cannot be stored, {@code invalid_date} naming the field for a refused date, {@code invalid_meta}
	 *         naming the field for a value of the wrong type, {@code invalid_meta} for text that is no JSON
	 */
	public static <T> T read(ObjectMapper json, String part, String text, Class<T> type) {
		try {
			return json.readValue(text, type);
		} catch (JacksonException e) {
			TextRefused.in(e).ifPresent(refusal -> {
				throw refusal;
			});
			for (Throwable t = e; t != null; t = t.getCause()) {
				if (t instanceof UserFacingException refusal) {
					throw refusal;
				}
			}
			String field = e.getPath().stream().map(JacksonException.Reference::getPropertyName).filter(n -> n != null)
					.reduce((a, b) -> a + "." + b).orElse(null);
			if (field != null) {
				throw UserFacingException.badRequest("invalid_meta", "error.request.part-field", part, field);
			}
			throw UserFacingException.badRequest("invalid_meta", "error.material.meta");
		}
	}
}
