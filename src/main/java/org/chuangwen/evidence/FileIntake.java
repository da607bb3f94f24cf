package org.chuangwen.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.chuangwen.platform.BlobStore;
import org.chuangwen.platform.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Inspects the files of one filing (count, size, type, the limits on hostile content), brings them into the blob store
 * before any row is written, and settles them once the rows are committed or not: a filing whose rows did not commit
 * leaves no blob behind, except one that identical bytes filed concurrently still hold or that a committed row
 * references.
 */
@Component
class FileIntake {

	private static final Logger log = LoggerFactory.getLogger(FileIntake.class);

	private final BlobStore blobs;
	private final FileReferences references;
	private final FileTypes types;
	private final EvidenceProperties properties;

	FileIntake(BlobStore blobs, FileReferences references, FileTypes types, EvidenceProperties properties) {
		this.blobs = blobs;
		this.references = references;
		this.types = types;
		this.properties = properties;
	}

	/** The stored files of one filing, in upload order; {@link #settle} must follow exactly once. */
	final class Stored {

		private final List<Material.StoredFile> files = new ArrayList<>();
		private final List<String> held = new ArrayList<>();
		private final List<String> created = new ArrayList<>();

		List<Material.StoredFile> files() {
			return files;
		}

		/**
		 * Ends this filing's holds; if its rows were not committed, removes the blobs it created unless another filing
		 * holds them or a committed row references them.
		 */
		void settle(boolean committed) {
			held.forEach(blobs::release);
			if (committed) {
				return;
			}
			for (String sha256 : created) {
				try {
					blobs.deleteUnlessReferenced(sha256, references::referenced);
				} catch (IOException | RuntimeException e) {
					// left for the reconciliation at the next start, which removes blobs no row references
					log.warn("Could not remove blob {} of a filing that was not committed: {}", sha256, e.toString());
				}
			}
		}
	}

	/**
	 * Copies the files into the store (each forced to disk before this returns).
	 *
	 * @throws UserFacingException {@code upload_incomplete} when a file cannot be read to its end; what was stored
	 *     of the filing by then is settled as not committed
	 */
	Stored store(List<Upload> uploads, List<FileTypes.Inspected> inspected) {
		Stored stored = new Stored();
		try {
			for (int i = 0; i < uploads.size(); i++) {
				Upload upload = uploads.get(i);
				FileTypes.Inspected file = inspected.get(i);
				BlobStore.StoredBlob blob;
				try (InputStream in = upload.content().getInputStream()) {
					blob = blobs.put(in);
				} catch (IOException e) {
					throw UserFacingException.badRequest("upload_incomplete", "error.upload.incomplete");
				}
				stored.held.add(blob.sha256());
				if (blob.created()) {
					stored.created.add(blob.sha256());
				}
				stored.files.add(new Material.StoredFile(StoredNames.matching(displayName(upload), file.contentType()), file.contentType(),
						blob.size(), blob.sha256(), file.takenAt(), file.pages()));
			}
		} catch (RuntimeException e) {
			stored.settle(false);
			throw e;
		}
		return stored;
	}

	static String displayName(Upload upload) {
		String name = upload.name() == null ? "" : upload.name().replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		if (name.isEmpty()) {
			return "file";
		}
		// room for the extension the stored name may get (material_file.name holds 300)
		return name.length() > 290 ? name.substring(name.length() - 290) : name;
	}

	/** Checks every file before any is stored; returns what inspecting each found, in order. */
	List<FileTypes.Inspected> inspect(List<Upload> uploads) {
		if (uploads == null || uploads.isEmpty()) {
			throw UserFacingException.badRequest("missing_file", "error.upload.none");
		}
		if (uploads.size() > properties.maxFiles()) {
			throw UserFacingException.badRequest("too_many_files", "error.upload.too-many", properties.maxFiles());
		}
		List<FileTypes.Inspected> inspected = new ArrayList<>();
		for (Upload upload : uploads) {
			String name = displayName(upload);
			if (upload.size() <= 0) {
				throw UserFacingException.badRequest("empty_file", "error.upload.empty", name);
			}
			if (upload.size() > properties.maxFileSize().toBytes()) {
				throw new UserFacingException(HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large", "error.upload.too-large", name,
						properties.maxFileSize().toMegabytes());
			}
			FileTypes.Inspected file;
			try {
				file = types.inspect(upload.content());
			} catch (IOException e) {
				throw UserFacingException.badRequest("upload_incomplete", "error.upload.incomplete");
			} catch (FileRefused refused) {
				throw refused.toUserFacing(name);
			}
			if (file == null) {
				throw new UserFacingException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_type", "error.upload.type", name);
			}
			inspected.add(file);
		}
		return inspected;
	}
}
