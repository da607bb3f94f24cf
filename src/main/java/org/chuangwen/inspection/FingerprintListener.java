package org.chuangwen.inspection;

import java.util.concurrent.ThreadPoolExecutor;
import org.chuangwen.evidence.MaterialCorrected;
import org.chuangwen.evidence.MaterialFiled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fingerprints a material once its filing (or correction) has committed, on a worker thread of its own in the filer's
 * scope. Not on the filer's thread: after commit that thread still holds its connection, and fingerprinting in a
 * transaction of its own would take a second one — fifty phones uploading at once would wait on each other for the
 * pool. Nor may decoding pictures hold the filing's locks, or a failure here turn a stored material into an error
 * answer. What fails is logged and taken by the next {@link Fingerprints#scan} of the unit (every read of signals, a
 * tour or a sample scans first, after waiting a moment for the fingerprints still queued).
 */
@Component
class FingerprintListener implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FingerprintListener.class);

	private final Fingerprints fingerprints;
	private final ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();

	FingerprintListener(Fingerprints fingerprints) {
		this.fingerprints = fingerprints;
		worker.setCorePoolSize(1);
		worker.setMaxPoolSize(1);
		worker.setQueueCapacity(10_000);
		worker.setThreadNamePrefix("fingerprint-");
		worker.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
		worker.initialize();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MaterialFiled filed) {
		later(filed.materialId(), filed.orgPath());
	}

	/** A new date formed, unit or title changes what the signals say. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MaterialCorrected corrected) {
		later(corrected.materialId(), corrected.after().orgPath());
	}

	private void later(long materialId, String orgPath) {
		fingerprints.queued();
		try {
			worker.execute(new DelegatingSecurityContextRunnable(() -> {
				try {
					fingerprints.refresh(materialId, orgPath);
				} catch (RuntimeException e) {
					log.warn("Fingerprints of material {} not taken now, the next scan of its unit takes them: {}", materialId, e.toString());
				} finally {
					fingerprints.taken();
				}
			}));
		} catch (RuntimeException full) {
			// the queue is full (a mass import): the next scan of the unit takes them
			fingerprints.taken();
			log.warn("Fingerprints of material {} not queued, the next scan of its unit takes them: {}", materialId, full.toString());
		}
	}

	@Override
	public void destroy() {
		worker.shutdown();
	}
}
