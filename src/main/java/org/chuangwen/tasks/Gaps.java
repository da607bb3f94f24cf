package org.chuangwen.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.evidence.ArchiveBox;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.targets.TargetStatus;
import org.chuangwen.targets.Targets;
import org.springframework.stereotype.Component;

/**
 * What a gap reference means for a unit, asked of the modules that own the answer: the archive box for a missing kind,
 * the targets registry for an unmet target. Both are asked in the caller's scope.
 */
@Component
class Gaps {

	private final EvidenceArchive archive;
	private final Targets targets;

	Gaps(EvidenceArchive archive, Targets targets) {
		this.archive = archive;
		this.targets = targets;
	}

	/** An open gap described: the indicator it belongs to and a Chinese line saying what is missing. */
	record OpenGap(String indicatorCode, String text) {}

	/**
	 * The gap a new task would close.
	 *
	 * @throws UserFacingException 400 {@code invalid_gap} for a reference that names no kind of the indicator's box nor a
	 *     target; 409 {@code gap_closed} when the kind is present or the target met
	 */
	OpenGap open(OrgUnit unit, String indicatorCode, String gap) {
		if (gap == null || !(gap.startsWith(Task.KIND) || gap.startsWith(Task.TARGET)) || gap.length() > 200) {
			throw UserFacingException.badRequest("invalid_gap", "error.tasks.gap");
		}
		String reference = gap.substring(gap.indexOf(':') + 1);
		if (gap.startsWith(Task.KIND)) {
			if (indicatorCode == null || indicatorCode.isBlank()) {
				throw UserFacingException.badRequest("invalid_gap", "error.tasks.gap-indicator");
			}
			ArchiveBox box = archive.box(unit.id(), indicatorCode.strip());
			ArchiveBox.KindShelf shelf = box.shelves().stream().filter(s -> s.required() && s.kind().equals(reference)).findFirst()
					.orElseThrow(() -> UserFacingException.badRequest("invalid_gap", "error.tasks.gap-kind", reference, box.indicator().code()));
			if (shelf.present()) {
				throw UserFacingException.conflict("gap_closed", "error.tasks.gap-closed");
			}
			return new OpenGap(box.indicator().code(), "%s %s 档案盒缺少“%s”".formatted(box.indicator().code(), box.indicator().title(), reference));
		}
		TargetStatus target = targets.of(unit.id()).stream().filter(t -> t.key().equals(reference)).findFirst()
				.orElseThrow(() -> UserFacingException.badRequest("invalid_gap", "error.tasks.gap-target", reference));
		if (target.met()) {
			throw UserFacingException.conflict("gap_closed", "error.tasks.gap-closed");
		}
		String value = target.value() == null ? "无" : target.value().toPlainString() + " " + target.unit();
		return new OpenGap(target.indicatorCode() != null ? target.indicatorCode() : Text.blankToNull(indicatorCode),
				"目标“%s”未达标(要求 %s %s %s,当前 %s)".formatted(target.name(), target.symbol(), target.threshold().toPlainString(), target.unit(), value));
	}

	/**
	 * Answers, for one reading, whether tasks' gaps have closed; each box and each unit's targets are asked once.
	 * Must be used in a scope that can read the tasks' units.
	 */
	Check check() {
		return new Check();
	}

	final class Check {

		private final Map<String, Optional<ArchiveBox>> boxes = new HashMap<>();
		private final Map<Long, List<TargetStatus>> statuses = new HashMap<>();

		boolean closed(Task task) {
			if (task.kindGap()) {
				return box(task).flatMap(b -> b.shelves().stream().filter(s -> s.kind().equals(task.reference())).findFirst())
						.map(ArchiveBox.KindShelf::present).orElse(false);
			}
			return statuses.computeIfAbsent(task.orgUnitId(), targets::of).stream().filter(t -> t.key().equals(task.reference())).findFirst()
					.map(TargetStatus::met).orElse(false);
		}

		private Optional<ArchiveBox> box(Task task) {
			return boxes.computeIfAbsent(task.orgUnitId() + "|" + task.indicatorCode(), k -> {
				try {
					return Optional.of(archive.box(task.orgUnitId(), task.indicatorCode()));
				} catch (UserFacingException e) {
					// an indicator retired from the active edition: the gap cannot be judged any more, the task stays open
					return Optional.empty();
				}
			});
		}
	}
}
