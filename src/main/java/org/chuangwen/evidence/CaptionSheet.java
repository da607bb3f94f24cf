package org.chuangwen.evidence;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.chuangwen.platform.Dates;
import org.chuangwen.platform.UserFacingException;

/**
 * The caption sheet of a box as posted: parallel lists, one entry per photo row ({@code photo} is
 * "materialId:index"), the photos ticked for bulk filling, and the bulk fields (时间, 地点, 人物, 摄影者).
 */
record CaptionSheet(List<String> photo, List<String> title, List<String> takenAt, List<String> place, List<String> people,
		List<String> photographer, List<String> selected, String bulkTakenAt, String bulkPlace, String bulkPeople,
		String bulkPhotographer) {

	record Row(PhotoRef photo, PhotoCaption caption) {}

	/** Read from the raw parameters: a bound {@code List<String>} would split a lone value at its commas. */
	static CaptionSheet of(HttpServletRequest request) {
		return new CaptionSheet(values(request, "photo"), values(request, "title"), values(request, "takenAt"), values(request, "place"),
				values(request, "people"), values(request, "photographer"), values(request, "selected"), request.getParameter("bulkTakenAt"),
				request.getParameter("bulkPlace"), request.getParameter("bulkPeople"), request.getParameter("bulkPhotographer"));
	}

	private static List<String> values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? List.of() : List.of(values);
	}

	List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < photo.size(); i++) {
			rows.add(new Row(ref(photo.get(i)),
					new PhotoCaption(at(title, i), time(at(takenAt, i)), at(place, i), at(people, i), at(photographer, i))));
		}
		return rows;
	}

	List<PhotoRef> selectedPhotos() {
		return selected.stream().map(CaptionSheet::ref).toList();
	}

	PhotoCaption bulk() {
		return new PhotoCaption(null, time(bulkTakenAt), bulkPlace, bulkPeople, bulkPhotographer);
	}

	private static PhotoRef ref(String value) {
		String[] parts = value.split(":");
		try {
			return new PhotoRef(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
		} catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
			throw UserFacingException.badRequest("bad_parameter", "error.request.bad-parameter", "photo");
		}
	}

	private static String at(List<String> values, int i) {
		return i >= values.size() ? null : values.get(i);
	}

	private static LocalDateTime time(String value) {
		return Dates.dateTime("takenAt", value);
	}
}
