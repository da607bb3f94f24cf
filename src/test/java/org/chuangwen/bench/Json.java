package org.chuangwen.bench;

import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON through the project's own Jackson 3. Parsed documents are plain maps, lists, strings, booleans and numbers;
 * whole numbers come back as {@code Long}, so that ids and sizes read the same whatever their magnitude.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

	private Json() {}

	static Object parse(String json) {
		return MAPPER.readValue(json, Object.class);
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** A JSON string literal. */
	static String quote(String value) {
		return write(value);
	}

	/** The {@code meta} part of a material upload. */
	static String meta(long unitId, String kind, String title, String date, List<String> codes) {
		return "{\"orgUnitId\":" + unitId + ",\"kind\":" + quote(kind) + ",\"title\":" + quote(title) + ",\"dateFormed\":\"" + date
				+ "\",\"indicatorCodes\":[" + codes.stream().map(Json::quote).collect(Collectors.joining(",")) + "]}";
	}
}
