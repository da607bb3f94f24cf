package org.chuangwen.elections;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.people.ResidentRef;
import org.chuangwen.people.Residents;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Who voted, and the hand changes of an electorate. A polling list is matched by the keyed hash of each 身份证号
 * ({@link PersonalData#lookupHash}) through the residents ledger to the electorate; a row that matches nobody on it is
 * reported with its reason and changes nothing. Marking is idempotent: a voter marked once stays marked with the first
 * mark, so the same list or the same ids again change nothing.
 */
@Component
class Voting {

	/** Rows a polling list may have: a community's electorate is a few thousand; anything far beyond is not a list. */
	private static final int MAX_ROWS = 100_000;

	private final Elections elections;
	private final Electorate electorate;
	private final Residents residents;
	private final PersonalData personalData;
	private final DataScope scope;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final MessageSource messages;

	Voting(Elections elections, Electorate electorate, Residents residents, PersonalData personalData, DataScope scope, WriteTransactions transactions,
			AuditLog audit, MessageSource messages) {
		this.elections = elections;
		this.electorate = electorate;
		this.residents = residents;
		this.personalData = personalData;
		this.scope = scope;
		this.transactions = transactions;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * @param voted voters of the election who voted, after this request
	 * @param matched rows (or ids) of this request that are voters on the electorate
	 * @param added voters this request marked for the first time
	 */
	record Result(long voted, int matched, int added, List<RejectedRow> rejectedRows) {}

	/** A row of the list (or the position of an id, from 1) that was not taken, with why in the caller's language. */
	record RejectedRow(int row, String reason) {}

	/**
	 * Marks the residents with these ids as having voted.
	 *
	 * @throws UserFacingException 404 for an election outside the scope, 403 for a read-only role, 400 {@code missing_ids}
	 */
	Result markIds(long electionId, List<Long> ids, Locale locale) {
		Election election = elections.writable(electionId);
		if (ids == null || ids.isEmpty()) {
			throw UserFacingException.badRequest("missing_ids", "elections.error.ids");
		}
		Map<Long, Electorate.Voter> voters = electorate.byResident(election.id(), ids.stream().filter(java.util.Objects::nonNull).toList());
		List<RejectedRow> rejected = new ArrayList<>();
		Set<Long> taken = new LinkedHashSet<>();
		Map<Long, Integer> firstSeen = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			Long id = ids.get(i);
			Electorate.Voter voter = id == null ? null : voters.get(id);
			String reason = voter == null ? text(locale, "elections.row.not-a-voter-id", String.valueOf(id))
					: voter.removed() ? text(locale, "elections.row.removed") : firstSeen.containsKey(id) ? text(locale, "elections.row.twice", String.valueOf(firstSeen.get(id))) : null;
			if (reason != null) {
				rejected.add(new RejectedRow(i + 1, reason));
			} else {
				firstSeen.put(id, i + 1);
				taken.add(id);
			}
		}
		return mark(election, taken, rejected, "TICK");
	}

	/**
	 * Matches a polling list (XLSX: a header row with 姓名 and 身份证号, one voter a row) against the electorate and marks
	 * those who match.
	 *
	 * @throws UserFacingException 400 {@code invalid_polling_list} for a file that is no XLSX or lacks the two columns
	 */
	Result importList(long electionId, InputStream content, Locale locale) {
		Election election = elections.writable(electionId);
		List<Row> rows = read(content);
		List<String> hashes = rows.stream().filter(r -> r.problem() == null).map(Row::hash).distinct().toList();
		Map<String, Long> residentIds = new HashMap<>();
		for (int i = 0; i < hashes.size(); i += 500) {
			residentIds.putAll(residents.residentIdsByIdNumberHash(hashes.subList(i, Math.min(hashes.size(), i + 500))));
		}
		Map<Long, Electorate.Voter> voters = electorate.byResident(election.id(), residentIds.values());
		List<RejectedRow> rejected = new ArrayList<>();
		Set<Long> taken = new LinkedHashSet<>();
		Map<Long, Integer> firstSeen = new HashMap<>();
		for (Row row : rows) {
			Long residentId = row.problem() == null ? residentIds.get(row.hash()) : null;
			Electorate.Voter voter = residentId == null ? null : voters.get(residentId);
			String reason;
			if (row.problem() != null) {
				reason = text(locale, row.problem());
			} else if (voter == null) {
				reason = text(locale, "elections.row.not-a-voter");
			} else if (voter.removed()) {
				reason = text(locale, "elections.row.removed");
			} else if (!sameName(voter.name(), row.name())) {
				reason = text(locale, "elections.row.name", row.name());
			} else if (firstSeen.containsKey(residentId)) {
				reason = text(locale, "elections.row.twice", String.valueOf(firstSeen.get(residentId)));
			} else {
				reason = null;
				firstSeen.put(residentId, row.number());
				taken.add(residentId);
			}
			if (reason != null) {
				rejected.add(new RejectedRow(row.number(), reason));
			}
		}
		return mark(election, taken, rejected, "IMPORT");
	}

	/**
	 * Saves the tick boxes of one page: of the voters {@code shown}, those in {@code ticked} voted and the others did not.
	 * A tick taken back is kept in the electorate's changes.
	 */
	Result tick(long electionId, List<Long> shown, List<Long> ticked) {
		Election election = elections.writable(electionId);
		Set<Long> on = new LinkedHashSet<>(ticked == null ? List.of() : ticked);
		List<Long> off = (shown == null ? List.<Long>of() : shown).stream().filter(id -> !on.contains(id)).toList();
		String by = scope.user().username();
		Map<Long, Electorate.Voter> voters = electorate.byResident(election.id(), on);
		Result result = transactions.run(() -> {
			int added = electorate.markVoted(election.id(), voters.keySet(), "TICK", by);
			off.forEach(id -> electorate.unmark(election.id(), id, by));
			return new Result(electorate.counts(election.id()).voted(), voters.size(), added, List.of());
		});
		audit.record("ELECTION_VOTES_TICKED", "election", election.id(), election.orgUnitId(), "+" + result.added() + " / -" + off.size() + " shown");
		return result;
	}

	/**
	 * Adds a resident of the community to the electorate, removes a voter from it, or restores a removed one, always with
	 * a reason (外出, 新迁入 …) that is kept.
	 *
	 * @param action {@code ADD}, {@code REMOVE} or {@code RESTORE}
	 * @throws UserFacingException 404 for an election or resident outside the scope or community, 400 {@code missing_reason},
	 *     {@code invalid_action}, {@code under_age}, 409 {@code already_on_roll} / {@code not_on_roll}
	 */
	void change(long electionId, Long residentId, String action, String reasonText) {
		Election election = elections.writable(electionId);
		String reason = Text.blankToNull(reasonText);
		if (reason == null || reason.length() > 200) {
			throw UserFacingException.badRequest("missing_reason", "elections.error.reason");
		}
		Text.check("reason", reason, false);
		String what = action == null ? "" : action.strip().toUpperCase(Locale.ROOT);
		if (!Set.of("ADD", "REMOVE", "RESTORE").contains(what)) {
			throw UserFacingException.badRequest("invalid_action", "elections.error.action");
		}
		ResidentRef resident = residentId == null ? null
				: residents.resident(residentId).filter(r -> r.orgPath().startsWith(election.orgPath())).orElse(null);
		Electorate.Voter voter = residentId == null ? null : electorate.byResident(election.id(), List.of(residentId)).get(residentId);
		if (voter == null && resident == null) {
			throw UserFacingException.notFound("elections.error.resident");
		}
		String by = scope.user().username();
		transactions.run(() -> {
			switch (what) {
				case "ADD" -> {
					if (voter != null) {
						throw UserFacingException.conflict("already_on_roll", voter.removed() ? "elections.error.removed-restore" : "elections.error.on-roll");
					}
					if (resident.birthDate() == null || resident.birthDate().plusYears(18).isAfter(election.date())) {
						throw UserFacingException.badRequest("under_age", "elections.error.under-age", election.date().toString());
					}
					electorate.add(election.id(), resident, reason, by);
				}
				case "REMOVE", "RESTORE" -> {
					boolean remove = what.equals("REMOVE");
					if (voter == null || voter.removed() == remove) {
						throw UserFacingException.conflict("not_on_roll", remove ? "elections.error.not-on-roll" : "elections.error.not-removed");
					}
					electorate.setRemoved(election.id(), voter.residentId(), remove, reason, by);
				}
				default -> throw new IllegalStateException(what);
			}
			return null;
		});
		audit.record("ELECTORATE_" + what, "election", election.id(), election.orgUnitId(), "resident " + residentId + ": " + reason);
	}

	private Result mark(Election election, Set<Long> taken, List<RejectedRow> rejected, String via) {
		String by = scope.user().username();
		Result result = transactions.run(() -> {
			int added = electorate.markVoted(election.id(), taken, via, by);
			return new Result(electorate.counts(election.id()).voted(), taken.size(), added, List.copyOf(rejected));
		});
		audit.record("ELECTION_VOTES_MARKED", "election", election.id(), election.orgUnitId(),
				via + ": " + result.matched() + " matched, " + result.added() + " newly marked, " + rejected.size() + " refused");
		return result;
	}

	/** A row of the list: the number is kept only as its keyed hash; {@code problem} is the message key when it is no number. */
	private record Row(int number, String name, String hash, String problem) {}

	private List<Row> read(InputStream content) {
		Path file = null;
		try {
			file = Files.createTempFile("polling-", ".xlsx");
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
			List<Row> rows = new ArrayList<>();
			int[] columns = {-1, -1};
			PollingSheet.read(file, (number, cells) -> {
				if (columns[0] < 0 && columns[1] < 0 && rows.isEmpty()) {
					columns[0] = column(cells, "姓名");
					columns[1] = column(cells, "身份证号");
					if (columns[0] < 0 || columns[1] < 0) {
						throw UserFacingException.badRequest("invalid_polling_list", "elections.import.columns");
					}
					return;
				}
				if (rows.size() >= MAX_ROWS) {
					throw UserFacingException.badRequest("invalid_polling_list", "elections.import.too-long", MAX_ROWS);
				}
				String name = columns[0] < cells.size() ? cells.get(columns[0]) : "";
				String id = columns[1] < cells.size() ? cells.get(columns[1]).replace(" ", "").toUpperCase(Locale.ROOT) : "";
				String problem = IdNumbers.problem(id);
				rows.add(new Row(number, name, problem == null ? personalData.lookupHash(id) : null, problem));
			});
			if (columns[0] < 0) {
				throw UserFacingException.badRequest("invalid_polling_list", "elections.import.columns");
			}
			return rows;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				} catch (IOException e) {
					// a temp file left behind is removed by the OS
				}
			}
		}
	}

	/** The header's column that starts with {@code name} (身份证号码 is 身份证号 too); -1 when there is none. */
	private static int column(List<String> header, String name) {
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i).replaceAll("\\s", "").startsWith(name)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean sameName(String onRoll, String inList) {
		return onRoll.replaceAll("\\s", "").equals(inList.replaceAll("\\s", ""));
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
