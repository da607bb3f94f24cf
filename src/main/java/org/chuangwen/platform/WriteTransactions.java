package org.chuangwen.platform;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a short write transaction, and runs it again when the database reports a transient conflict with another
 * transaction (a lock wait that timed out, a deadlock, a serialization failure). If it still conflicts after a few
 * tries the caller gets {@code 503 busy} with a Chinese message to try again, never an internal error.
 *
 * <p>Inside a transaction the caller already opened, the work simply joins it and is not retried here: a failed
 * statement has spoiled the whole outer transaction (on PostgreSQL literally), so only its owner could start over.
 */
@Component
public class WriteTransactions {

	private static final Logger log = LoggerFactory.getLogger(WriteTransactions.class);

	private final TransactionTemplate transactions;
	private final RetryTemplate retry;

	WriteTransactions(PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.retry = new RetryTemplate(RetryPolicy.builder()
				.maxRetries(5)
				.delay(Duration.ofMillis(20))
				.multiplier(2)
				.jitter(Duration.ofMillis(15))
				.maxDelay(Duration.ofMillis(400))
				.predicate(WriteTransactions::isTransient)
				.build());
	}

	/**
	 * Runs {@code work} in a transaction of its own (or the caller's, if one is active), retried on transient
	 * conflicts.
	 *
	 * @throws UserFacingException {@code 503 busy} when the conflicts do not go away
	 */
	public <T> T run(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		try {
			return retry.invoke(() -> transactions.execute(status -> work.get()));
		} catch (RuntimeException e) {
			if (isTransient(e)) {
				log.warn("Gave up after retrying a transient database conflict: {}", e.toString());
				throw busy();
			}
			throw e;
		}
	}

	/** The answer when the database stays too contended to finish a write. */
	public static UserFacingException busy() {
		return new UserFacingException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "error.busy");
	}

	/**
	 * A conflict that goes away when the transaction is tried again: lock and deadlock and serialization failures
	 * ({@link ConcurrencyFailureException}), and H2's lock wait timeout, which Spring reports as a
	 * {@link QueryTimeoutException}. Spring Data JDBC wraps them, so the causes are searched too.
	 */
	public static boolean isTransient(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConcurrencyFailureException || t instanceof QueryTimeoutException) {
				return true;
			}
		}
		return false;
	}
}
