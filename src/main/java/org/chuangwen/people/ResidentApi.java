package org.chuangwen.people;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.UserFacingException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

@RestController
@RequestMapping("/api/v1/residents")
class ResidentApi {

	private final Residents residents;
	private final RosterWorkbooks workbooks;
	private final PublicGood publicGood;

	ResidentApi(Residents residents, RosterWorkbooks workbooks, PublicGood publicGood) {
		this.residents = residents;
		this.workbooks = workbooks;
		this.publicGood = publicGood;
	}

	record ResidentJson(long id, long buildingId, String name, String sex, LocalDate birthDate, int age, String idNumber, String phone, String unitNo,
			String roomNo, String relation, String category, List<String> careGroups, int version) {

		static ResidentJson of(ResidentView r, LocalDate today) {
			return new ResidentJson(r.id(), r.buildingId(), r.name(), r.sex(), r.birthDate(), r.age(today), r.idNumber(), r.phone(), r.unitNo(),
					r.roomNo(), r.relation(), r.category(), r.careGroups() == null || r.careGroups().isEmpty() ? List.of() : List.of(r.careGroups().split("、")),
					r.version());
		}
	}

	record PageJson(List<ResidentJson> items, int page, int size, long total, int pages) {}

	record RevealJson(long id, String idNumber, String phone) {}

	@GetMapping
	PageJson list(@RequestParam long orgUnitId, @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Residents.Page found = residents.list(orgUnitId, q, page, size);
		LocalDate today = residents.today();
		return new PageJson(found.items().stream().map(r -> ResidentJson.of(r, today)).toList(), found.page(), found.size(), found.total(), found.pages());
	}

	record ParticipationJson(long communityId, String communityName, LocalDate from, LocalDate to, long residents, long participants, double rate,
			double target, boolean met, List<String> categories, List<PublicGood.Row> rows) {}

	/** Ⅲ-53 with the rows behind the number; the period defaults to this year up to today. */
	@GetMapping("/participation")
	ParticipationJson participation(@RequestParam long orgUnitId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		LocalDate end = to != null ? to : residents.today();
		LocalDate start = from != null ? from : end.withDayOfYear(1);
		Participation p = residents.participation(orgUnitId, start, end);
		return new ParticipationJson(p.communityId(), p.communityName(), p.from(), p.to(), p.residents(), p.participants(), p.rate(), p.target(), p.met(),
				publicGood.categories(), publicGood.rows(orgUnitId, start, end));
	}

	@GetMapping("/{id}")
	ResidentJson find(@PathVariable long id) {
		return ResidentJson.of(residents.find(id), residents.today());
	}

	@GetMapping("/{id}/history")
	List<ResidentRows.HistoryView> history(@PathVariable long id) {
		return residents.history(id);
	}

	/** Shows the numbers in clear: an explicit, audited request (a POST, so no link or prefetch triggers it). */
	@PostMapping("/{id}/reveal")
	RevealJson reveal(@PathVariable long id) {
		ResidentRows.Secrets secrets = residents.reveal(id);
		return new RevealJson(id, secrets.idNumber(), secrets.phone());
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbooks.writeTemplate(out);
		return Downloads.of("居民花名册模板.xlsx", Downloads.XLSX, out.toByteArray());
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam long orgUnitId) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbooks.writeList(orgUnitId, out);
		return Downloads.of("居民名单.xlsx", Downloads.XLSX, out.toByteArray());
	}

	@PostMapping(value = "/import", consumes = "multipart/form-data")
	Residents.ImportResult importRoster(@RequestParam long orgUnitId, @RequestPart(name = "file", required = false) MultipartFile file,
			HttpServletRequest request) throws IOException {
		if (file == null || file.isEmpty()) {
			throw UserFacingException.badRequest("missing_part", "error.request.missing-part", "file");
		}
		try (InputStream in = file.getInputStream()) {
			return residents.importRoster(orgUnitId, file.getOriginalFilename(), in, RequestContextUtils.getLocale(request));
		}
	}

	@GetMapping("/imports/{id}")
	ImportJob job(@PathVariable long id) {
		return residents.job(id);
	}

	@GetMapping("/imports/{id}/report.xlsx")
	ResponseEntity<byte[]> report(@PathVariable long id) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbooks.writeReport(id, out);
		return Downloads.of("导入错误行-" + id + ".xlsx", Downloads.XLSX, out.toByteArray());
	}
}
