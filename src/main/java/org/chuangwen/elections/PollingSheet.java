package org.chuangwen.elections;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.chuangwen.platform.UserFacingException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of a polling list (XLSX) row by row with POI's event model, so a long list is never held as a
 * workbook. A 身份证号 typed as a number would lose digits in Excel, so cells are taken as the sheet shows them.
 */
final class PollingSheet {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PollingSheet.class);

	private PollingSheet() {}

	/**
	 * Calls {@code rows} with each non-blank row, the header first, and its row number as Excel shows it.
	 *
	 * @throws UserFacingException 400 {@code invalid_polling_list} for a file that is no readable XLSX
	 */
	static void read(Path file, BiConsumer<Integer, List<String>> rows) {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw unreadable();
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new Handler(rows), new DataFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		} catch (SAXException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
				| org.apache.poi.openxml4j.exceptions.InvalidOperationException | OpenXML4JException | IOException
				| javax.xml.parsers.ParserConfigurationException e) {
			// the kind of failure only: a parser's message may quote 身份证号 from the sheet
			log.warn("Polling list unreadable: {}", e.getClass().getName());
			throw unreadable();
		}
	}

	static UserFacingException unreadable() {
		return UserFacingException.badRequest("invalid_polling_list", "elections.import.not-xlsx");
	}

	private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final BiConsumer<Integer, List<String>> rows;
		private final List<String> cells = new ArrayList<>();

		Handler(BiConsumer<Integer, List<String>> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			if (cells.stream().anyMatch(c -> !c.isBlank())) {
				rows.accept(rowNum + 1, List.copyOf(cells));
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? cells.size() : new CellReference(reference).getCol();
			while (cells.size() < column) {
				cells.add("");
			}
			cells.add(value == null ? "" : value.strip());
		}
	}
}
