package org.chuangwen.tasks;

import org.chuangwen.evidence.MaterialFiled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-checks the kind tasks a filed material may close, once the filing has committed (the box must already hold it); a
 * failure here must not turn a stored material into an error answer, and the next reading of the tasks closes them.
 */
@Component
class TaskListener {

	private static final Logger log = LoggerFactory.getLogger(TaskListener.class);

	private final Tasks tasks;

	TaskListener(Tasks tasks) {
		this.tasks = tasks;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MaterialFiled filed) {
		try {
			tasks.materialFiled(filed.orgPath());
		} catch (RuntimeException e) {
			log.warn("Tasks closed by material {} not re-checked now, the next reading does it: {}", filed.materialId(), e.toString());
		}
	}
}
