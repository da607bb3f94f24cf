package org.chuangwen.inspection;

import org.chuangwen.evidence.MaterialCorrected;
import org.chuangwen.evidence.MaterialFiled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fingerprints a material once its filing (or correction) has committed, on the filer's thread and in the filer's
 * scope: decoding pictures must not hold the filing's locks, and a failure here must not turn a stored material into
 * an error answer. What fails is logged and taken by the next {@link Fingerprints#scan} of the unit.
 */
@Component
class FingerprintListener {

	private static final Logger log = LoggerFactory.getLogger(FingerprintListener.class);

	private final Fingerprints fingerprints;

	FingerprintListener(Fingerprints fingerprints) {
		this.fingerprints = fingerprints;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MaterialFiled filed) {
		refresh(filed.materialId(), filed.orgPath());
	}

	/** A new date formed, unit or title changes what the signals say. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MaterialCorrected corrected) {
		refresh(corrected.materialId(), corrected.after().orgPath());
	}

	private void refresh(long materialId, String orgPath) {
		try {
			fingerprints.refresh(materialId, orgPath);
		} catch (RuntimeException e) {
			log.warn("Fingerprints of material {} not taken now, the next scan of its unit takes them: {}", materialId, e.toString());
		}
	}
}
