package org.chuangwen.catalog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators: the editions, the import report of the edition in force, importing a new edition file. */
@Controller
class EditionAdminController {

	static final String VIEW = "catalog/editions";

	private final Catalog catalog;
	private final DataScope scope;
	private final UserMessages messages;

	EditionAdminController(Catalog catalog, DataScope scope, UserMessages messages) {
		this.catalog = catalog;
		this.scope = scope;
		this.messages = messages;
	}

	@GetMapping("/admin/catalog")
	String editions(Model model, HttpServletRequest request) {
		Edition edition = catalog.active();
		model.addAttribute("edition", edition);
		model.addAttribute("findings", ReadableFinding.of(edition.findings(), messages, request));
		model.addAttribute("editions", catalog.editions());
		return VIEW;
	}

	@PostMapping("/admin/catalog")
	String importEdition(@RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		scope.requireAdmin("edition", file == null ? null : file.getOriginalFilename());
		try {
			Edition imported = catalog.importUpload(file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(), file,
					scope.user().username());
			redirect.addFlashAttribute("flash", messages.of(request, "edition.imported", imported.name(), imported.indicators().size(),
					imported.findings().size()));
			return "redirect:/admin/catalog";
		} catch (UserFacingException e) {
			response.setStatus(e.status().value());
			model.addAttribute("error", messages.of(request, e));
			return editions(model, request);
		}
	}

	@PostMapping("/admin/catalog/{code}/activate")
	String activate(@PathVariable String code, HttpServletRequest request, RedirectAttributes redirect) {
		scope.requireAdmin("edition", code);
		Edition edition = catalog.activate(code, scope.user().username());
		redirect.addFlashAttribute("flash", messages.of(request, "edition.activated", edition.name()));
		return "redirect:/admin/catalog";
	}
}
