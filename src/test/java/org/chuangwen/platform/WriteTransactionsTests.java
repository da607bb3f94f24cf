package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A write that meets a row another transaction holds, on a real H2 (PostgreSQL mode, short lock timeout): it is run
 * again once the other transaction ends, and if the row stays held the caller gets {@code 503 busy}, not an
 * internal error.
 */
class WriteTransactionsTests {

	JdbcDataSource database;
	JdbcClient jdbc;
	WriteTransactions writes;
	Connection other;

	@BeforeEach
	void setUp() throws SQLException {
		database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:writes" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=100");
		jdbc = JdbcClient.create(database);
		jdbc.sql("create table counter (id int primary key, n int not null)").update();
		jdbc.sql("insert into counter values (1, 0)").update();
		writes = new WriteTransactions(new DataSourceTransactionManager(database));
		other = database.getConnection();
		other.setAutoCommit(false);
	}

	@AfterEach
	void tearDown() throws SQLException {
		other.rollback();
		other.close();
	}

	@Test
	void runsAgainWhenTheRowIsReleasedAndCountsOnce() throws SQLException {
		holdTheRow();
		AtomicInteger attempts = new AtomicInteger();

		int updated = writes.run(() -> {
			if (attempts.incrementAndGet() == 2) {
				release();
			}
			return jdbc.sql("update counter set n = n + 1 where id = 1").update();
		});

		assertThat(updated).isEqualTo(1);
		assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("select n from counter where id = 1").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void answersBusyWhenTheConflictDoesNotGoAway() throws SQLException {
		holdTheRow();

		assertThatThrownBy(() -> writes.run(() -> jdbc.sql("update counter set n = n + 1 where id = 1").update()))
				.isInstanceOfSatisfying(UserFacingException.class, e -> {
					assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
					assertThat(e.error()).isEqualTo("busy");
					assertThat(e.messageKey()).isEqualTo("error.busy");
				});
		release();
		assertThat(jdbc.sql("select n from counter where id = 1").query(Integer.class).single()).isZero();
	}

	@Test
	void doesNotRetryWhatIsNotAConflict() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatThrownBy(() -> writes.run(() -> {
			attempts.incrementAndGet();
			throw UserFacingException.badRequest("invalid_title", "error.material.title", 300);
		})).isInstanceOf(UserFacingException.class).hasMessageContaining("invalid_title");
		assertThat(attempts.get()).isEqualTo(1);
	}

	private void holdTheRow() throws SQLException {
		try (Statement statement = other.createStatement()) {
			statement.executeUpdate("update counter set n = n + 100 where id = 1");
		}
	}

	private void release() {
		try {
			other.rollback();
		} catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
