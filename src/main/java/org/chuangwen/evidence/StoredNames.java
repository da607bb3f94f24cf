package org.chuangwen.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chuangwen.platform.Text;

/**
 * File names whose extension says what the content is: a JPEG uploaded as {@code poly.html} is kept, served and
 * exported as {@code poly.jpg}, one without an extension gets one. Applied when a file is filed and again whenever a
 * stored name is read, so files filed before this rule are safe too.
 */
final class StoredNames {

	/** Per detected type, the extensions that name it; the first is the one given. */
	private static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
			Map.entry("image/jpeg", List.of("jpg", "jpeg", "jpe")),
			Map.entry("image/png", List.of("png")),
			Map.entry("image/gif", List.of("gif")),
			Map.entry("image/webp", List.of("webp")),
			Map.entry("image/heic", List.of("heic", "heif")),
			Map.entry("image/heif", List.of("heif", "heic")),
			Map.entry("application/pdf", List.of("pdf")),
			Map.entry("video/mp4", List.of("mp4", "m4v")),
			Map.entry("video/quicktime", List.of("mov", "qt")),
			Map.entry(FileTypes.DOCX, List.of("docx")),
			Map.entry(FileTypes.XLSX, List.of("xlsx")),
			Map.entry(FileTypes.PPTX, List.of("pptx")),
			Map.entry("application/msword", List.of("doc")),
			Map.entry("application/vnd.ms-excel", List.of("xls")),
			Map.entry("application/vnd.ms-powerpoint", List.of("ppt")));
	private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,10})$");

	private StoredNames() {}

	/** The name with the extension of {@code contentType}, and without characters that cannot be stored. */
	static String matching(String name, String contentType) {
		String clean = name == null ? "" : Text.printable(name).replaceAll("\\p{Cntrl}", "");
		List<String> allowed = EXTENSIONS.get(contentType);
		if (allowed == null) {
			return clean;
		}
		Matcher extension = EXTENSION.matcher(clean);
		if (extension.find()) {
			if (allowed.contains(extension.group(1).toLowerCase(Locale.ROOT))) {
				return clean;
			}
			clean = clean.substring(0, extension.start());
		}
		return (clean.isEmpty() ? "file" : clean) + "." + allowed.get(0);
	}
}
