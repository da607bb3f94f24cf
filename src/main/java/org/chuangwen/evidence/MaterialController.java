package org.chuangwen.evidence;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Htmx;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class MaterialController {

	static final String LIST = "evidence/materials";
	static final String FORM = "evidence/upload";
	static final String DETAIL = "evidence/material";
	static final String BOX = "evidence/box";
	static final String BIN = "evidence/recycle-bin";
	static final String CAPTIONS = "evidence/captions";
	static final String BOX_SUMMARY = "evidence/box :: summary";
	static final String RECYCLED = "evidence/box :: recycled";
	/** Fired when a material leaves or enters a box, so the box's counts and completeness refresh. */
	static final String MATERIALS_CHANGED = "materialsChanged";

	private final EvidenceArchive archive;
	private final Catalog catalog;
	private final DataScope scope;
	private final Orgs orgs;
	private final MaterialPages pages;
	private final UserMessages messages;

	MaterialController(EvidenceArchive archive, Catalog catalog, DataScope scope, Orgs orgs, MaterialPages pages, UserMessages messages) {
		this.archive = archive;
		this.catalog = catalog;
		this.scope = scope;
		this.orgs = orgs;
		this.pages = pages;
		this.messages = messages;
	}

	record Filter(Long unit, String indicator, String kind, Integer year, String q, Integer page) {

		MaterialQuery toQuery(boolean recycled) {
			return new MaterialQuery(unit, indicator, kind, year, q, recycled, page == null ? 0 : page, 20);
		}
	}

	@GetMapping("/materials")
	String list(Filter filter, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("result", archive.search(filter.toQuery(false)));
		addChoices(model);
		return LIST;
	}

	@GetMapping("/recycle-bin")
	String recycleBin(Filter filter, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("result", archive.search(filter.toQuery(true)));
		return BIN;
	}

	@GetMapping("/materials/new")
	String form(@RequestParam(required = false) Long unit, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String kind, Model model) {
		model.addAttribute("form", UploadForm.of(pages.blank(unit, indicator, kind)));
		addChoices(model);
		return FORM;
	}

	@PostMapping("/materials")
	String upload(UploadForm form, @RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		MaterialDetails filed;
		try {
			filed = archive.file(form.toCommand(), Upload.of(files));
		} catch (UserFacingException e) {
			response.setStatus(e.status().value());
			model.addAttribute("form", form);
			model.addAttribute("error", messages.of(request, e));
			addChoices(model);
			return FORM;
		}
		redirect.addFlashAttribute("flash", messages.of(request, "material.filed", filed.row().title(), filed.files().size()));
		Optional<MaterialPages.BoxAddress> box = pages.onlyBoxOf(filed);
		if (box.isPresent()) {
			redirect.addAttribute("unit", box.get().unitId()).addAttribute("code", box.get().code());
			return "redirect:/boxes/{unit}/{code}";
		}
		return "redirect:/materials/" + filed.id();
	}

	/** The title and date the chosen files propose, filled in where the worker has typed nothing yet. */
	@PostMapping("/materials/propose")
	String propose(UploadForm form, @RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
			HttpServletRequest request) {
		UploadForm proposed = form;
		try {
			MaterialProposal proposal = archive.propose(form.orgUnitId(), Upload.of(files));
			model.addAttribute("proposal", proposal);
			proposed = form.proposed(proposal);
		} catch (UserFacingException e) {
			model.addAttribute("proposalError", messages.of(request, e));
		}
		model.addAttribute("form", proposed);
		return FORM + " :: proposal";
	}

	@GetMapping("/materials/{id}")
	String detail(@PathVariable long id, Model model) {
		MaterialDetails material = archive.find(id);
		model.addAttribute("correction", CorrectionForm.of(material));
		return detail(material, model);
	}

	private String detail(MaterialDetails material, Model model) {
		model.addAttribute("material", material);
		model.addAttribute("history", archive.history(material.id()));
		addChoices(model);
		return DETAIL;
	}

	/** Corrects what was said about the material; the files stay. A refusal shows the form again with what was typed. */
	@PostMapping("/materials/{id}/correct")
	String correct(@PathVariable long id, CorrectionForm form, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			archive.correct(id, form.toCorrection());
		} catch (UserFacingException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			response.setStatus(e.status().value());
			model.addAttribute("correction", form);
			model.addAttribute("error", messages.of(request, e));
			return detail(archive.find(id), model);
		}
		redirect.addFlashAttribute("flash", messages.of(request, "material.corrected"));
		return "redirect:/materials/" + id;
	}

	@GetMapping("/materials/{id}/files/{index}")
	ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable int index,
			@RequestParam(defaultValue = "false") boolean download) {
		return FileResponses.send(archive, archive.download(id, index), download);
	}

	/** From the material page a full round trip; from a box (htmx) the row says so and the box refreshes its counts. */
	@PostMapping("/materials/{id}/recycle")
	String recycle(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		archive.recycle(id);
		if (Htmx.isHtmx(request)) {
			Htmx.trigger(response, MATERIALS_CHANGED);
			return RECYCLED;
		}
		redirect.addFlashAttribute("flash", messages.of(request, "material.recycled"));
		return "redirect:/materials/" + id;
	}

	@PostMapping("/materials/{id}/restore")
	String restore(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		archive.restore(id);
		redirect.addFlashAttribute("flash", messages.of(request, "material.restored"));
		return "redirect:/materials/" + id;
	}

	/** One photo's caption, from the material page. */
	@PostMapping("/materials/{id}/files/{index}/caption")
	String caption(@PathVariable long id, @PathVariable int index, CaptionForm form, HttpServletRequest request,
			RedirectAttributes redirect) {
		archive.caption(new PhotoRef(id, index), form.toCaption());
		redirect.addFlashAttribute("flash", messages.of(request, "caption.saved", 1));
		return "redirect:/materials/" + id;
	}

	/** The caption sheet of a box: every photo with its caption, and fields to fill into many at once. */
	@GetMapping("/boxes/{unitId}/{code}/captions")
	String captions(@PathVariable long unitId, @PathVariable String code, Model model) {
		model.addAttribute("box", archive.box(unitId, code));
		return CAPTIONS;
	}

	@PostMapping("/boxes/{unitId}/{code}/captions")
	String saveCaptions(@PathVariable long unitId, @PathVariable String code, HttpServletRequest request, RedirectAttributes redirect) {
		CaptionSheet sheet = CaptionSheet.of(request);
		int saved = archive.captionSheet(sheet.rows(), sheet.selectedPhotos(), sheet.bulk());
		redirect.addFlashAttribute("flash", messages.of(request, "caption.saved", saved));
		redirect.addAttribute("unit", unitId).addAttribute("code", code);
		return "redirect:/boxes/{unit}/{code}/captions";
	}

	/** The box page; htmx asks again for its summary (counts, completeness) when the materials change. */
	@GetMapping("/boxes/{unitId}/{code}")
	String box(@PathVariable long unitId, @PathVariable String code, Model model, HttpServletRequest request) {
		model.addAttribute("box", archive.box(unitId, code));
		if (Htmx.isHtmx(request)) {
			return BOX_SUMMARY;
		}
		model.addAttribute("lineage", orgs.lineage(scope.readable(unitId)));
		return BOX;
	}

	private void addChoices(Model model) {
		model.addAttribute("edition", catalog.active());
		model.addAttribute("units", orgs.within(scope.path()));
	}
}
