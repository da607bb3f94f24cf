package org.chuangwen.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.springframework.stereotype.Component;

/**
 * The date a file says it was made, so that a 2010 document is not filed as today's: a photo's EXIF capture time, an
 * Office document's own created date (OOXML core properties, or the summary information of a Word 97–2003 file), a
 * PDF's creation date. Files are read only after inspection has accepted them; anything unreadable or implausible
 * (before 1949-10-01 or after today) proposes nothing.
 */
@Component
class FileDates {

	private static final Set<String> OOXML = Set.of(FileTypes.DOCX, FileTypes.XLSX, FileTypes.PPTX);
	private static final Set<String> OLE2 = Set.of("application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint");

	private final EvidenceProperties properties;

	FileDates(EvidenceProperties properties) {
		this.properties = properties;
	}

	/** Where a proposed date came from. */
	enum Source {
		PHOTO, DOCUMENT, PDF
	}

	record Found(LocalDate date, Source source) {}

	/** The first plausible date the files carry, in upload order; null when none carries one. */
	Found first(List<Upload> uploads, List<FileTypes.Inspected> inspected, LocalDate today) {
		for (int i = 0; i < uploads.size(); i++) {
			Found found = of(uploads.get(i), inspected.get(i));
			if (found != null && !found.date().isAfter(today) && !found.date().isBefore(MaterialFields.EARLIEST)) {
				return found;
			}
		}
		return null;
	}

	private Found of(Upload upload, FileTypes.Inspected file) {
		if (file.takenAt() != null) {
			return new Found(file.takenAt().toLocalDate(), Source.PHOTO);
		}
		try {
			Date date = null;
			Source source = Source.DOCUMENT;
			if (OOXML.contains(file.contentType())) {
				try (InputStream in = upload.content().getInputStream(); OPCPackage office = OPCPackage.open(in)) {
					date = new POIXMLProperties(office).getCoreProperties().getCreated();
				}
			} else if (OLE2.contains(file.contentType())) {
				try (InputStream in = upload.content().getInputStream(); POIFSFileSystem office = new POIFSFileSystem(in)) {
					SummaryInformation summary = (SummaryInformation) PropertySetFactory.create(office.getRoot(), SummaryInformation.DEFAULT_STREAM_NAME);
					date = summary.getCreateDateTime();
				}
			} else if (file.contentType().equals("application/pdf")) {
				source = Source.PDF;
				date = pdfCreated(upload);
			}
			return date == null ? null : new Found(local(date.toInstant()), source);
		} catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.apache.xmlbeans.XmlException
				| org.apache.poi.hpsf.NoPropertySetStreamException unreadable) {
			// a file without readable properties simply proposes nothing; it was accepted by inspection already
			return null;
		}
	}

	private Date pdfCreated(Upload upload) throws IOException {
		byte[] pdf;
		try (InputStream in = upload.content().getInputStream()) {
			pdf = in.readAllBytes();
		}
		try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null,
				MemoryUsageSetting.setupMainMemoryOnly(properties.inspection().pdfMemory().toBytes()).streamCache)) {
			Calendar created = document.getDocumentInformation().getCreationDate();
			return created == null ? null : created.getTime();
		}
	}

	private static LocalDate local(Instant instant) {
		return instant.atZone(MaterialReader.SHANGHAI).toLocalDate();
	}
}
