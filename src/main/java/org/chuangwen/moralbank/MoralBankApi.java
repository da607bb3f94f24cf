package org.chuangwen.moralbank;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/moral-bank")
class MoralBankApi {

	private final MoralBank bank;
	private final Rewards rewards;
	private final Applications applications;
	private final Publicity publicity;

	MoralBankApi(MoralBank bank, Rewards rewards, Applications applications, Publicity publicity) {
		this.bank = bank;
		this.rewards = rewards;
		this.applications = applications;
		this.publicity = publicity;
	}

	/** The monthly 公示 list of the unit's community; {@code month} as yyyy-MM, this month when left out. */
	@GetMapping("/publicity.xlsx")
	ResponseEntity<byte[]> publicity(@RequestParam long orgUnitId, @RequestParam(required = false) String month) {
		Publicity.Sheet sheet = publicity.month(orgUnitId, month);
		return org.chuangwen.platform.Downloads.of(sheet.fileName(), org.chuangwen.platform.Downloads.XLSX, sheet.content());
	}

	record ApplicationBody(Long accountId, Long points, String deed) {}

	record RefusalBody(String reason) {}

	@PostMapping("/applications")
	ResponseEntity<Applications.Application> apply(@RequestBody ApplicationBody body) {
		Applications.Application a = applications.apply(body.accountId(), body.points(), body.deed());
		return ResponseEntity.created(URI.create("/api/v1/moral-bank/applications/" + a.id())).body(a);
	}

	@GetMapping("/applications/pending")
	List<Applications.Application> pending() {
		return applications.pending();
	}

	@GetMapping("/applications/{id}")
	Applications.Application application(@PathVariable long id) {
		return applications.find(id);
	}

	@PostMapping("/applications/{id}/confirmation")
	Applications.Application confirm(@PathVariable long id) {
		return applications.confirm(id);
	}

	@PostMapping("/applications/{id}/refusal")
	Applications.Application refuse(@PathVariable long id, @RequestBody RefusalBody body) {
		return applications.refuse(id, body.reason());
	}

	record PostingJson(long id, LocalDate date, String kind, long amount, String memo, Long reverses, Long rewardId) {

		static PostingJson of(Posting p, long accountId) {
			return new PostingJson(p.id(), p.date(), p.kind(), p.signedFor(accountId), p.memo(), p.reversesId(), p.rewardId());
		}
	}

	record AccountJson(long id, Long residentId, String holder, long orgUnitId, long balance, List<PostingJson> postings) {}

	record AccountBody(Long residentId) {}

	record PostingBody(Long accountId, String kind, Long points, String memo, Long rewardId, Long reversesId) {}

	record RewardBody(Long orgUnitId, String name, Long points) {}

	@GetMapping("/accounts/{id}")
	AccountJson account(@PathVariable long id) {
		MoralBank.Statement s = bank.statement(id);
		return new AccountJson(s.account().id(), s.account().residentId(), s.account().holderName(), s.account().orgUnitId(), s.balance(),
				s.postings().stream().map(p -> PostingJson.of(p, id)).toList());
	}

	@GetMapping("/accounts")
	List<AccountJson> accounts(@RequestParam long orgUnitId) {
		return bank.accounts(orgUnitId).stream()
				.map(b -> new AccountJson(b.account().id(), b.account().residentId(), b.account().holderName(), b.account().orgUnitId(), b.balance(), List.of()))
				.toList();
	}

	/** Opens (or returns) the account of a resident in the caller's scope. */
	@PostMapping("/accounts")
	ResponseEntity<AccountJson> open(@RequestBody AccountBody body) {
		if (body.residentId() == null) {
			throw org.chuangwen.platform.UserFacingException.badRequest("resident_required", "moralbank.error.resident-required");
		}
		Account a = bank.openFor(body.residentId());
		return ResponseEntity.created(URI.create("/api/v1/moral-bank/accounts/" + a.id())).body(account(a.id()));
	}

	@PostMapping("/postings")
	ResponseEntity<PostingJson> post(@RequestBody PostingBody body) {
		Posting p = bank.post(new MoralBank.Request(body.accountId(), body.kind(), body.points(), body.memo(), body.rewardId(), body.reversesId()));
		return ResponseEntity.created(URI.create("/api/v1/moral-bank/accounts/" + body.accountId())).body(PostingJson.of(p, body.accountId()));
	}

	@GetMapping("/rewards")
	List<Rewards.Reward> rewards(@RequestParam long orgUnitId) {
		return rewards.list(orgUnitId);
	}

	@PostMapping("/rewards")
	ResponseEntity<Rewards.Reward> addReward(@RequestBody RewardBody body) {
		if (body.orgUnitId() == null) {
			throw org.chuangwen.platform.UserFacingException.badRequest("invalid_unit", "moralbank.error.community");
		}
		return ResponseEntity.status(201).body(rewards.add(body.orgUnitId(), body.name(), body.points()));
	}
}
