package org.chuangwen.evidence.web;

import java.util.List;
import org.chuangwen.evidence.Upload;
import org.springframework.web.multipart.MultipartFile;

/** Multipart files as uploads; empty file inputs (a form sent without choosing a file) are left out. */
final class Uploads {

	private Uploads() {}

	static List<Upload> of(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream()
				.filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())))
				.map(f -> new Upload(f.getOriginalFilename(), f.getSize(), f))
				.toList();
	}
}
