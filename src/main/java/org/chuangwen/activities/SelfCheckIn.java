package org.chuangwen.activities;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.TooManyAttempts;
import org.chuangwen.platform.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a resident or volunteer does on a phone with an activity's code, without login: before check-in opens a
 * sign-up (报名), while it is open a check-in, and for a volunteer already in, the question whether to check out and,
 * confirmed, the check-out; afterwards nothing.
 *
 * <p>The code is the only key, so the page must not become an oracle: a registration is bound to the device that
 * made it (a random token in a cookie; only its keyed hash is stored). A submission for a phone registered from
 * another device is answered as if it were new — with the name just typed, never the stored one — and a check-out
 * needs the device that checked in (workers check out from their list). Wrong codes and submissions are throttled
 * ({@link CheckInThrottle}); every change is audited with the phone masked.
 */
@Service
class SelfCheckIn {

	/**
	 * What happened, and the name to greet: the stored one only for the device that registered it. {@code minutes}: for
	 * a volunteer in, the minutes served so far (asked to check out) or in all (checked out); otherwise null.
	 */
	record Answer(Step step, String name, Integer minutes) {

		Answer(Step step, String name) {
			this(step, name, null);
		}
	}

	enum Step {
		SIGNED_UP, CHECKED_IN, ASK_CHECK_OUT, CHECKED_OUT
	}

	private final Activities activities;
	private final CheckInThrottle throttle;
	private final JdbcClient jdbc;
	private final PersonalData personal;
	private final ActivityProperties properties;
	private final AuditLog audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	SelfCheckIn(Activities activities, CheckInThrottle throttle, JdbcClient jdbc, PersonalData personal, ActivityProperties properties, AuditLog audit,
			Clock clock) {
		this.activities = activities;
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.personal = personal;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new random device token (64 hex digits) for a phone that has none. */
	String newDevice() {
		byte[] token = new byte[32];
		random.nextBytes(token);
		return HexFormat.of().formatHex(token);
	}

	/** Whether {@code token} looks like one of ours (anything else is replaced by a new one). */
	static boolean isDevice(String token) {
		return token != null && token.matches("[0-9a-f]{64}");
	}

	/**
	 * The activity behind a code, for a visitor from {@code address}.
	 *
	 * @throws TooManyAttempts while the address is blocked for trying wrong codes
	 * @throws UserFacingException 404 for a wrong code (counted against the address)
	 */
	Activity open(String code, String address) {
		throttle.lookup(address);
		Optional<Activity> activity = activities.byCode(code);
		if (activity.isEmpty()) {
			throttle.wrongCode(address);
			throw UserFacingException.notFound("error.activity.code");
		}
		return activity.get();
	}

	/**
	 * Signs up, checks in or checks out the person with {@code phone} from the device {@code device}.
	 *
	 * @throws TooManyAttempts over the address's or the activity's limit
	 * @throws UserFacingException outside the check-in time, for invalid input, or (403) for a check-out from a device
	 *     that did not check in
	 */
	@Transactional
	Answer submit(String code, String name, String phone, Participant.Role role, String device, String address) {
		Activity activity = open(code, address);
		throttle.submission(address, activity);
		Instant now = Instant.now(clock);
		CheckInWindow window = CheckInWindow.of(properties, activity.startsAt(), activity.endsAt());
		if (window.closed(now)) {
			throw window.refusal();
		}
		String typedName = ActivityFields.required(name, 50, "error.activity.name");
		String digits = ActivityFields.phoneDigits(phone);
		Participant.Role as = role == null ? Participant.Role.RESIDENT : role;
		String deviceHash = personal.lookupHash(device);
		String masked = PersonalData.maskPhone(digits);
		Timestamp at = Timestamp.from(now);
		boolean signUp = window.notYetOpen(now);

		Optional<Registered> found = jdbc.sql(SELECT + " where activity_id = :a and phone_hash = :h")
				.param("a", activity.id()).param("h", personal.lookupHash(digits))
				.query(this::registered)
				.optional();
		if (found.isEmpty()) {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into activity_participant (activity_id, name, phone_enc, phone_hash, role, signed_up_at, checked_in_at, device_hash)
					values (:a, :name, :phone, :hash, :role, :signed, :checked, :device)""")
					.param("a", activity.id()).param("name", typedName).param("phone", personal.encrypt(digits)).param("hash", personal.lookupHash(digits))
					.param("role", as.name()).param("signed", signUp ? at : null).param("checked", signUp ? null : at).param("device", deviceHash)
					.update(key, "id");
			Step step = signUp ? Step.SIGNED_UP : Step.CHECKED_IN;
			audit.record(step.name(), "activity_participant", key.getKey().longValue(), activity.orgUnitId(), masked + " " + as.label());
			return new Answer(step, typedName);
		}
		Registered known = found.get();
		boolean sameDevice = deviceHash.equals(known.deviceHash());
		String greet = sameDevice ? known.name() : typedName;
		if (signUp) {
			return new Answer(Step.SIGNED_UP, greet);
		}
		if (!known.checkedIn()) {
			// whoever checks in first carries the check-out: the phone that signed up may not be the one brought along
			jdbc.sql("update activity_participant set checked_in_at = :now, role = :role, device_hash = :device where id = :p")
					.param("now", at).param("role", as.name()).param("device", deviceHash).param("p", known.id()).update();
			audit.record("CHECKED_IN", "activity_participant", known.id(), activity.orgUnitId(),
					masked + " " + as.label() + (sameDevice || known.deviceHash() == null ? "" : ", not the device that signed up"));
			return new Answer(Step.CHECKED_IN, greet);
		}
		if (known.role() == Participant.Role.VOLUNTEER && !known.checkedOut()) {
			if (!sameDevice) {
				audit.record("CHECK_OUT_REFUSED", "activity_participant", known.id(), activity.orgUnitId(), masked + ", not the device that checked in");
				throw new UserFacingException(HttpStatus.FORBIDDEN, "check_out_needs_device", "checkin.check-out-device");
			}
			// a second scan asks first: a volunteer who scans again by mistake must not end the service early
			return new Answer(Step.ASK_CHECK_OUT, greet, minutes(known.checkedInAt(), now));
		}
		return new Answer(sameDevice && known.checkedOut() ? Step.CHECKED_OUT : Step.CHECKED_IN, greet,
				sameDevice && known.checkedOut() ? minutes(known.checkedInAt(), known.checkedOutAt()) : null);
	}

	/** When check-in closed for a finished activity, in Shanghai time; empty while it is still to come or open. */
	Optional<java.time.LocalDateTime> closedAt(Activity activity) {
		CheckInWindow window = CheckInWindow.of(properties, activity.startsAt(), activity.endsAt());
		return window.closed(Instant.now(clock)) ? Optional.of(ActivityFields.local(window.closes())) : Optional.empty();
	}

	boolean shortService(Integer minutes) {
		return properties.shortService(minutes);
	}

	long minimumServiceMinutes() {
		return properties.minimumService().toMinutes();
	}

	/** The volunteer this device checked in and has not checked out, as a question to check out; empty otherwise. */
	Optional<Answer> pendingCheckOut(Activity activity, String device) {
		if (device == null || !CheckInWindow.of(properties, activity.startsAt(), activity.endsAt()).contains(Instant.now(clock))) {
			return Optional.empty();
		}
		return onDevice(activity.id(), personal.lookupHash(device)).map(r -> new Answer(Step.ASK_CHECK_OUT, r.name(), minutes(r.checkedInAt(), Instant.now(clock))));
	}

	/**
	 * Checks out the volunteer this device checked in, after the page asked.
	 *
	 * @throws UserFacingException outside the check-in time, or 403 when this device checked in no volunteer still in
	 */
	@Transactional
	Answer checkOut(String code, String device, String address) {
		Activity activity = open(code, address);
		throttle.submission(address, activity);
		Instant now = Instant.now(clock);
		CheckInWindow window = CheckInWindow.of(properties, activity.startsAt(), activity.endsAt());
		if (!window.contains(now)) {
			throw window.refusal();
		}
		Registered known = onDevice(activity.id(), personal.lookupHash(device))
				.orElseThrow(() -> new UserFacingException(HttpStatus.FORBIDDEN, "check_out_needs_device", "checkin.check-out-device"));
		jdbc.sql("update activity_participant set checked_out_at = :now where id = :p").param("now", Timestamp.from(now)).param("p", known.id()).update();
		int minutes = minutes(known.checkedInAt(), now);
		audit.record("CHECKED_OUT", "activity_participant", known.id(), activity.orgUnitId(), known.maskedPhone() + " " + known.role().label() + ", "
				+ minutes + " min" + (properties.shortService(minutes) ? ", below the minimum service time" : ""));
		return new Answer(Step.CHECKED_OUT, known.name(), minutes);
	}

	private Optional<Registered> onDevice(long activityId, String deviceHash) {
		return jdbc.sql(SELECT + " " + """
				where activity_id = :a and device_hash = :d and role = 'VOLUNTEER' and checked_in_at is not null and checked_out_at is null
				order by checked_in_at desc""")
				.param("a", activityId).param("d", deviceHash)
				.query(this::registered)
				.list().stream().findFirst();
	}

	private Registered registered(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp in = rs.getTimestamp(5);
		Timestamp out = rs.getTimestamp(6);
		return new Registered(rs.getLong(1), rs.getString(2), Participant.Role.valueOf(rs.getString(3)), rs.getString(4),
				in == null ? null : in.toInstant(), out == null ? null : out.toInstant(), PersonalData.maskPhone(personal.decrypt(rs.getString(7))));
	}

	private static int minutes(Instant from, Instant to) {
		return (int) java.time.Duration.between(from, to).toMinutes();
	}

	private static final String SELECT = "select id, name, role, device_hash, checked_in_at, checked_out_at, phone_enc from activity_participant";

	private record Registered(long id, String name, Participant.Role role, String deviceHash, Instant checkedInAt, Instant checkedOutAt,
			String maskedPhone) {

		boolean checkedIn() {
			return checkedInAt != null;
		}

		boolean checkedOut() {
			return checkedOutAt != null;
		}
	}
}
