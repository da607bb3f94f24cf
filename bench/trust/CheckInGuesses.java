import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many check-in codes one address can try: asks {@code /c/<random code>} of a running platform as fast as one
 * client can, for a while, and counts what was really looked up (404: wrong code) against what was refused (429).
 *
 * <pre>java bench/trust/CheckInGuesses.java http://localhost:8080 [seconds, default 60] [code length, default 8]</pre>
 *
 * Run it from an address no one else uses for the check-in page: the platform counts guesses per address.
 */
public class CheckInGuesses {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://localhost:8080";
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
		int length = args.length > 2 ? Integer.parseInt(args[2]) : 8;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		SecureRandom random = new SecureRandom();
		Map<Integer, Integer> statuses = new TreeMap<>();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		int requests = 0;
		int answeredInFirst1000 = 0;
		double secondsFor1000 = -1;
		long firstRefusal = -1;
		long maxRetryAfter = 0;
		while (System.nanoTime() < end) {
			StringBuilder code = new StringBuilder();
			for (int i = 0; i < length; i++) {
				code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/c/" + code)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			requests++;
			statuses.merge(response.statusCode(), 1, Integer::sum);
			if (response.statusCode() == 429) {
				if (firstRefusal < 0) {
					firstRefusal = requests;
				}
				maxRetryAfter = Math.max(maxRetryAfter, response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L));
			}
			if (requests <= 1000 && response.statusCode() == 404) {
				answeredInFirst1000++;
			}
			if (requests == 1000) {
				secondsFor1000 = (System.nanoTime() - start) / 1e9;
			}
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		int answered = statuses.getOrDefault(404, 0);
		System.out.printf("base=%s seconds=%.1f code_length=%d%n", base, elapsed, length);
		System.out.printf("requests=%d statuses=%s%n", requests, statuses);
		System.out.printf("first_1000: answered(404)=%d in %.1f s%n", answeredInFirst1000, secondsFor1000);
		System.out.printf("guesses_answered_per_minute=%.1f (requests per minute %.0f)%n", answered * 60 / elapsed, requests * 60 / elapsed);
		System.out.printf("first_refusal_at_request=%d max_retry_after_s=%d%n", firstRefusal, maxRetryAfter);
	}
}
