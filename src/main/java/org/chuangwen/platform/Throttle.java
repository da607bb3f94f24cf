package org.chuangwen.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Counts events per key (an address, an account, an activity) in a sliding window and refuses a key that had too
 * many. With a {@link Rule#block() block} the key is then refused for that long, doubling with each repeated block up
 * to {@link Rule#maxBlock()} (progressive back-off); with {@link Rule#spacing() spacing} each event before the limit
 * also makes the key wait a little longer (1×, 2×, 4× …). Callers refuse an attempt before its allowed time instead
 * of sleeping in the request thread.
 *
 * <p>State is kept in this JVM only, at most {@code capacity} keys (least recently used keys are forgotten first),
 * so memory stays bounded whatever an attacker sends; several instances behind a load balancer each count alone.
 * Thread-safe.
 */
public final class Throttle {

	/**
	 * @param limit events within {@code window} that a key may cause; the event reaching it starts a block
	 * @param window how far back events count
	 * @param block the first block; zero for a plain sliding window (refused only while {@code limit} events are in it)
	 * @param maxBlock where doubling blocks stop; a key quiet for this long after a block starts over
	 * @param spacing wait after the first event, doubled after each further one; zero for none
	 */
	public record Rule(int limit, Duration window, Duration block, Duration maxBlock, Duration spacing) {

		public Rule {
			if (limit <= 0 || window.isNegative() || window.isZero() || block.isNegative() || maxBlock.compareTo(block) < 0 || spacing.isNegative()) {
				throw new IllegalArgumentException("invalid throttle rule " + limit + " per " + window);
			}
		}
	}

	/**
	 * Whether a key may go ahead; if not, how long until it may. {@code first} marks the start of a block once:
	 * from {@link #record} when the event started it (or filled the window), from {@link #check} for the first
	 * attempt refused in it — so that a block is recorded once and not for every request.
	 */
	public record Verdict(boolean allowed, Duration retryAfter, boolean first) {

		static final Verdict ALLOWED = new Verdict(true, Duration.ZERO, false);

		/** Whole seconds, rounded up, for a {@code Retry-After} header. */
		public long retryAfterSeconds() {
			return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}
	}

	private static final class State {
		final ArrayDeque<Instant> events = new ArrayDeque<>();
		int strikes;
		Instant blockedUntil = Instant.MIN;
		Instant nextAllowed = Instant.MIN;
		boolean refusalReported;
	}

	private final Rule rule;
	private final Clock clock;
	private final Map<String, State> states;

	public Throttle(Rule rule, Clock clock, int capacity) {
		this.rule = rule;
		this.clock = clock;
		this.states = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
				return size() > capacity;
			}
		};
	}

	/** Whether {@code key} may try now, without counting the attempt. */
	public synchronized Verdict check(String key) {
		State state = states.get(key);
		if (state == null) {
			return Verdict.ALLOWED;
		}
		Instant now = Instant.now(clock);
		forgetOld(state, now);
		Instant until = latest(state.blockedUntil, state.nextAllowed);
		if (rule.block().isZero() && state.events.size() >= rule.limit()) {
			until = latest(until, state.events.peekFirst().plus(rule.window()));
		}
		if (!now.isBefore(until)) {
			return Verdict.ALLOWED;
		}
		boolean first = !state.refusalReported;
		state.refusalReported = true;
		return new Verdict(false, Duration.between(now, until), first);
	}

	/**
	 * Counts one event for {@code key}. Answers refused when this event reached the limit (a block started, or the
	 * window is full: {@code first} is true) or the key must now wait for the spacing ({@code first} is false).
	 */
	public synchronized Verdict record(String key) {
		Instant now = Instant.now(clock);
		State state = states.computeIfAbsent(key, k -> new State());
		forgetOld(state, now);
		if (state.strikes > 0 && now.isAfter(state.blockedUntil.plus(rule.maxBlock()))) {
			state.strikes = 0;
		}
		state.events.addLast(now);
		if (state.events.size() > rule.limit()) {
			state.events.removeFirst();
		}
		if (state.events.size() >= rule.limit()) {
			state.refusalReported = false;
			if (rule.block().isZero()) {
				return new Verdict(false, Duration.between(now, state.events.peekFirst().plus(rule.window())), true);
			}
			state.strikes++;
			state.blockedUntil = now.plus(blockFor(state.strikes));
			state.events.clear();
			return new Verdict(false, Duration.between(now, state.blockedUntil), true);
		}
		if (!rule.spacing().isZero()) {
			state.nextAllowed = now.plus(rule.spacing().multipliedBy(1L << Math.min(state.events.size() - 1, 20)));
			return new Verdict(false, Duration.between(now, state.nextAllowed), false);
		}
		return Verdict.ALLOWED;
	}

	/** Forgets everything about {@code key} (a success, or an administrator lifting a block). */
	public synchronized void clear(String key) {
		states.remove(key);
	}

	/** Forgets every key matching {@code which}. */
	public synchronized void clearAll(Predicate<String> which) {
		states.keySet().removeIf(which);
	}

	private Duration blockFor(int strikes) {
		Duration block = rule.block().multipliedBy(1L << Math.min(strikes - 1, 20));
		return block.compareTo(rule.maxBlock()) > 0 ? rule.maxBlock() : block;
	}

	private void forgetOld(State state, Instant now) {
		Instant horizon = now.minus(rule.window());
		while (!state.events.isEmpty() && !state.events.peekFirst().isAfter(horizon)) {
			state.events.removeFirst();
		}
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}
}
