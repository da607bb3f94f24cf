package org.chuangwen.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX row by row with POI's event model (SAX over the sheet XML): only the current row
 * is held, so a sheet of any length is read in a small heap. Shared strings are the one part POI keeps whole. The
 * imports of the residents roster and of the registers both read through here, each refusing in its own words.
 */
public final class StreamingSheet {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StreamingSheet.class);

	/** Receives the rows in order; cells are the sheet's text as shown in Excel, "" for blank cells. */
	public interface Rows {
		void header(List<String> cells);

		/** @param rowNumber the row number as Excel shows it (1 is the header) */
		void row(int rowNumber, List<String> cells);
	}

	/** Thrown by a {@link Rows} to stop reading early (e.g. after the header). */
	public static final class Stop extends RuntimeException {
		public Stop() {
			super(null, null, false, false);
		}
	}

	/**
	 * How an import refuses a file: the error code and message key for a file that is no XLSX sheet, and for one that
	 * breaks off after some rows (the message gets the last row read).
	 */
	public record Refusal(String notASheetError, String notASheetKey, String unreadableError, String unreadableKey) {

		public UserFacingException notASheet() {
			return UserFacingException.badRequest(notASheetError, notASheetKey);
		}
	}

	private StreamingSheet() {}

	public static void read(Path file, Rows rows, Refusal refusal) {
		Handler handler = new Handler(rows);
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw refusal.notASheet();
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new DataFormatter(), false));
				parser.parse(new InputSource(sheet));
			} catch (Stop stop) {
				// the receiver has what it needs
			}
		} catch (SAXException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
				| org.apache.poi.openxml4j.exceptions.InvalidOperationException | OpenXML4JException | IOException
				| javax.xml.parsers.ParserConfigurationException e) {
			// where, not what: a parser's message may quote the sheet's content
			log.warn("Sheet unreadable: {} at line {} (cause {})", e.getClass().getName(),
					e instanceof org.xml.sax.SAXParseException p ? p.getLineNumber() : -1,
					e.getCause() == null ? "none" : e.getCause().getClass().getName());
			if (handler.lastRow > 0) {
				// e.g. a sheet larger than the platform's ZIP entry limit (chuangwen.evidence.inspection.max-entry-size):
				// the rows before stay imported, the worker splits the file
				throw UserFacingException.badRequest(refusal.unreadableError(), refusal.unreadableKey(), handler.lastRow);
			}
			throw refusal.notASheet();
		}
	}

	private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Rows rows;
		private final List<String> cells = new ArrayList<>();
		private boolean headerSeen;
		private int lastRow;

		Handler(Rows rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			lastRow = rowNum + 1;
			if (!headerSeen) {
				headerSeen = true;
				rows.header(List.copyOf(cells));
			} else if (cells.stream().anyMatch(c -> !c.isBlank())) {
				rows.row(rowNum + 1, List.copyOf(cells));
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? cells.size() : new CellReference(reference).getCol();
			while (cells.size() < column) {
				cells.add("");
			}
			cells.add(value == null ? "" : value);
		}
	}
}
