package org.chuangwen.evidence;

import java.util.List;
import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/** One incoming file; {@code content} can be opened more than once (it sits in a temporary file). */
public record Upload(String name, long size, InputStreamSource content) {

	/** The files of a multipart request; empty file inputs (a form sent without choosing a file) are left out. */
	public static List<Upload> of(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream()
				.filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())))
				.map(f -> new Upload(f.getOriginalFilename(), f.getSize(), f))
				.toList();
	}
}
