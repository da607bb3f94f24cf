package org.chuangwen.archive;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.Htmx;
import org.chuangwen.platform.UserMessages;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ArchiveController {

	static final String EXPORTS = "archive/exports";
	static final String EXPORT = "archive/export";
	static final String PROGRESS = "archive/export :: progress";

	private final PrintArchive print;
	private final Exports exports;
	private final Catalog catalog;
	private final UserMessages messages;

	ArchiveController(PrintArchive print, Exports exports, Catalog catalog, UserMessages messages) {
		this.print = print;
		this.exports = exports;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/boxes/{unitId}/{code}/cover.docx")
	ResponseEntity<byte[]> cover(@PathVariable long unitId, @PathVariable String code) throws IOException {
		PrintedBox box = print.box(unitId, code);
		return ArchiveDownloads.document(box.fileName("封面与盒脊", "docx"), Downloads.DOCX, out -> print.writeCover(box, out));
	}

	@GetMapping("/boxes/{unitId}/{code}/catalogue.docx")
	ResponseEntity<byte[]> catalogueDocx(@PathVariable long unitId, @PathVariable String code) throws IOException {
		PrintedBox box = print.box(unitId, code);
		return ArchiveDownloads.document(box.fileName("归档文件目录", "docx"), Downloads.DOCX, out -> print.writeCatalogueDocx(box, out));
	}

	@GetMapping("/boxes/{unitId}/{code}/catalogue.xlsx")
	ResponseEntity<byte[]> catalogueXlsx(@PathVariable long unitId, @PathVariable String code) throws IOException {
		PrintedBox box = print.box(unitId, code);
		return ArchiveDownloads.document(box.fileName("归档文件目录", "xlsx"), Downloads.XLSX, out -> print.writeCatalogueXlsx(box, out));
	}

	@GetMapping("/boxes/{unitId}/{code}/photos.docx")
	ResponseEntity<byte[]> photos(@PathVariable long unitId, @PathVariable String code, @RequestParam(defaultValue = "1") int part,
			@RequestParam(required = false) Integer perPage) throws IOException {
		PrintedBox box = print.box(unitId, code);
		return ArchiveDownloads.document(box.fileName("照片页-" + part, "docx"), Downloads.DOCX,
				out -> print.writePhotoPages(box, part, perPage, out));
	}

	/** The print sheet of a box: what can be printed, and its catalogue on screen. */
	@GetMapping("/boxes/{unitId}/{code}/print")
	String printSheet(@PathVariable long unitId, @PathVariable String code, Model model) {
		PrintedBox box = print.box(unitId, code);
		model.addAttribute("printed", box);
		model.addAttribute("photoParts", print.photoParts(box));
		return "archive/print";
	}

	@GetMapping("/exports")
	String exports(Model model) {
		model.addAttribute("jobs", exports.recent(50));
		model.addAttribute("communities", exports.communities());
		model.addAttribute("edition", catalog.active());
		return EXPORTS;
	}

	@PostMapping("/exports")
	String requestExport(@RequestParam long unit, @RequestParam(required = false) List<String> indicator,
			@RequestParam(required = false) Integer perPage, HttpServletRequest request, RedirectAttributes redirect) {
		ExportJob job = exports.request(unit, indicator, perPage);
		redirect.addFlashAttribute("flash", messages.of(request, "export.requested"));
		return "redirect:/exports/" + job.id();
	}

	@GetMapping("/exports/{id}")
	String export(@PathVariable long id, Model model, HttpServletRequest request) {
		model.addAttribute("job", exports.find(id));
		return Htmx.isHtmx(request) ? PROGRESS : EXPORT;
	}

	@GetMapping("/exports/{id}/download")
	ResponseEntity<Resource> download(@PathVariable long id) {
		return ArchiveDownloads.zip(exports.file(id), exports.find(id).fileName());
	}
}
