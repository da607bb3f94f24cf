package org.chuangwen.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.chuangwen.evidence.ArchiveBox;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.springframework.stereotype.Service;

/**
 * Boxes as they are printed: numbered, with cover, spine, catalogue and photo pages. A box belongs to a community;
 * asked for a building, the box of its community is printed. Reads are scoped like everything else; giving archival
 * numbers is bookkeeping that any reader of the box may trigger (an inspector printing a box changes no evidence).
 */
@Service
class PrintArchive {

	private final EvidenceArchive evidence;
	private final ArchivalNumbers numbers;
	private final BoxDocuments documents;
	private final PhotoPages photoPages;
	private final ArchiveProperties properties;
	private final DataScope scope;
	private final Orgs orgs;

	PrintArchive(EvidenceArchive evidence, ArchivalNumbers numbers, BoxDocuments documents, PhotoPages photoPages,
			ArchiveProperties properties, DataScope scope, Orgs orgs) {
		this.evidence = evidence;
		this.numbers = numbers;
		this.documents = documents;
		this.photoPages = photoPages;
		this.properties = properties;
		this.scope = scope;
		this.orgs = orgs;
	}

	/** The box of an indicator for the community of {@code unitId}, its materials numbered; 404 outside the scope. */
	public PrintedBox box(long unitId, String indicatorCode) {
		OrgUnit unit = scope.readable(unitId);
		OrgUnit community = orgs.communityOf(unit).orElse(unit);
		ArchiveBox box = evidence.box(community.id(), indicatorCode);
		return new PrintedBox(community, box.indicator(), box.indicator().sort(),
				numbers.number(community, box.indicator(), box.materials()));
	}

	public void writeCover(PrintedBox box, OutputStream out) throws IOException {
		documents.cover(box, out);
	}

	public void writeCatalogueDocx(PrintedBox box, OutputStream out) throws IOException {
		documents.catalogueDocx(box, out);
	}

	public void writeCatalogueXlsx(PrintedBox box, OutputStream out) throws IOException {
		documents.catalogueXlsx(box, out);
	}

	/** How many photo documents the box needs ({@link PhotoPages#PER_DOCUMENT} photos each). */
	public int photoParts(PrintedBox box) {
		return (box.photos().size() + PhotoPages.PER_DOCUMENT - 1) / PhotoPages.PER_DOCUMENT;
	}

	/** Part {@code part} (from 1) of the box's photo pages, 2 or 4 photos to a page (else the configured default). */
	public void writePhotoPages(PrintedBox box, int part, Integer perPage, OutputStream out) throws IOException {
		writePhotoPages(box, part, perPage, out, () -> {});
	}

	/** As {@link #writePhotoPages(PrintedBox, int, Integer, OutputStream)}, calling {@code onPlaced} for each photo placed. */
	public void writePhotoPages(PrintedBox box, int part, Integer perPage, OutputStream out, Runnable onPlaced) throws IOException {
		List<PrintedBox.Photo> photos = box.photos();
		int from = (part - 1) * PhotoPages.PER_DOCUMENT;
		if (part < 1 || from >= photos.size()) {
			throw UserFacingException.notFound("error.archive.no-photos");
		}
		photoPages.write(box, photos.subList(from, Math.min(from + PhotoPages.PER_DOCUMENT, photos.size())), perPage(perPage), from + 1, out,
				onPlaced);
	}

	int perPage(Integer requested) {
		return requested != null && (requested == 2 || requested == 4) ? requested : properties.photosPerPage();
	}
}
