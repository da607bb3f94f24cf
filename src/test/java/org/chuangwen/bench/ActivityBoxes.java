package org.chuangwen.bench;

import static org.chuangwen.bench.ActivityBench.*;
import static org.chuangwen.bench.Results.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What readiness and the material list show in the three boxes an activity serves, after its photos are filed. */
final class ActivityBoxes {

	private ActivityBoxes() {}

	/** Whether readiness lists 图片 among the present kinds of each of the three boxes. */
	static Map<String, Boolean> photoPresent(ApiClient api, long unit) throws Exception {
		Map<String, Boolean> present = new LinkedHashMap<>();
		for (Object o : (List<?>) ((Map<?, ?>) api.getJson("/api/v1/readiness?orgUnitId=" + unit)).get("indicators")) {
			Map<?, ?> ind = (Map<?, ?>) o;
			if (ACTIVITY_CODES.contains(ind.get("code"))) {
				present.put((String) ind.get("code"), ((List<?>) ind.get("presentKinds")).contains(PHOTO_KIND));
			}
		}
		return present;
	}

	/**
	 * After the upload: each of the three boxes lists the stage material(s) with exactly the uploaded bytes (SHA-256), no
	 * other box of the community has 图片, and the activity's photo stage is done.
	 */
	static String verifyBoxes(ApiClient api, long unit, long activity, List<byte[]> set, int materials) throws Exception {
		List<String> expected = new ArrayList<>();
		for (byte[] b : set) {
			expected.add(sha256(b));
		}
		java.util.Collections.sort(expected);
		for (String code : ACTIVITY_CODES) {
			Map<?, ?> page = (Map<?, ?>) api.getJson("/api/v1/materials?orgUnitId=" + unit + "&indicatorCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
					+ "&size=100");
			List<String> got = new ArrayList<>();
			for (Object o : (List<?>) page.get("items")) {
				Map<?, ?> m = (Map<?, ?>) o;
				if (!PHOTO_KIND.equals(m.get("kind"))) {
					throw new IllegalStateException("box " + code + " holds a material of kind " + m.get("kind"));
				}
				for (Object f : (List<?>) m.get("files")) {
					got.add((String) ((Map<?, ?>) f).get("sha256"));
				}
			}
			java.util.Collections.sort(got);
			if (((Number) page.get("total")).intValue() != materials || !got.equals(expected)) {
				throw new IllegalStateException("box " + code + " lists " + page.get("total") + " materials with " + got.size() + " files; expected "
						+ materials + " with the " + set.size() + " uploaded files");
			}
		}
		long others = 0;
		for (Object o : (List<?>) ((Map<?, ?>) api.getJson("/api/v1/readiness?orgUnitId=" + unit)).get("indicators")) {
			Map<?, ?> ind = (Map<?, ?>) o;
			if (!ACTIVITY_CODES.contains(ind.get("code")) && ((List<?>) ind.get("presentKinds")).contains(PHOTO_KIND)) {
				others++;
			}
		}
		if (others > 0) {
			throw new IllegalStateException(others + " other boxes show 图片");
		}
		Map<?, ?> act = (Map<?, ?>) api.getJson("/api/v1/activities/" + activity);
		Map<?, ?> photos = ((List<?>) act.get("stages")).stream().map(s -> (Map<?, ?>) s).filter(s -> "photos".equals(s.get("stage"))).findFirst().orElseThrow();
		if (!Boolean.TRUE.equals(photos.get("done")) || ((List<?>) photos.get("materialIds")).size() != materials) {
			throw new IllegalStateException("the activity's photo stage is " + photos);
		}
		return "each of the 3 boxes lists " + materials + " material(s) of kind 图片 with the " + set.size()
				+ " uploaded files (SHA-256 equal); no other box has 图片; photo stage done";
	}
}
