package org.chuangwen.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.Date;
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
import org.chuangwen.platform.Zones;

/**
 * The day a document says it was created: the OOXML core properties of Word/Excel/PowerPoint, the summary information
 * of their 97–2003 forms, a PDF's creation date. The same sources evidence proposes a date formed from; read here again
 * from the stored bytes because a document created after the date it claims is a doubt of its own.
 */
final class DocumentDates {

	private static final String OOXML = "application/vnd.openxmlformats-officedocument.";
	private static final Set<String> OLE2 = Set.of("application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint");
	/** A PDF is parsed within this much memory; the file passed evidence's inspection before it was stored. */
	private static final long PDF_MEMORY = 128L * 1024 * 1024;

	private DocumentDates() {}

	static boolean readable(String contentType) {
		return contentType.startsWith(OOXML) || OLE2.contains(contentType) || contentType.equals("application/pdf");
	}

	/** The created day, or null when the document records none or cannot be read. */
	static LocalDate created(String contentType, InputStream in) {
		try {
			Date date = null;
			if (contentType.startsWith(OOXML)) {
				try (OPCPackage office = OPCPackage.open(in)) {
					date = new POIXMLProperties(office).getCoreProperties().getCreated();
				}
			} else if (OLE2.contains(contentType)) {
				try (POIFSFileSystem office = new POIFSFileSystem(in)) {
					SummaryInformation summary = (SummaryInformation) PropertySetFactory.create(office.getRoot(), SummaryInformation.DEFAULT_STREAM_NAME);
					date = summary.getCreateDateTime();
				}
			} else if (contentType.equals("application/pdf")) {
				try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(in), "", null, null,
						MemoryUsageSetting.setupMainMemoryOnly(PDF_MEMORY).streamCache)) {
					Calendar created = document.getDocumentInformation().getCreationDate();
					date = created == null ? null : created.getTime();
				}
			}
			return date == null ? null : date.toInstant().atZone(Zones.SHANGHAI).toLocalDate();
		} catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.apache.xmlbeans.XmlException
				| org.apache.poi.hpsf.NoPropertySetStreamException unreadable) {
			// a document without readable properties gives no date and so no signal; it was accepted at filing
			return null;
		}
	}
}
