import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Time to refuse hostile files (issue 15, item 4), against a running app:
 *
 * <pre>
 *   java bench/trust/HostileFiles.java &lt;port&gt; &lt;server pid&gt; [cache dir] [password] [single]
 * </pre>
 *
 * Makes each hostile file once (cached in the cache dir, default {@code target/hostile}; the 40 GB bomb takes about a
 * minute to make, most of it the CRC of 40 GB of zeros) and uploads it as {@code shequ1} to {@code POST
 * /api/v1/materials}: a 39 MB DOCX expanding to 40 GB, a 4 MB DOCX whose word/document.xml is 4 GB, a DOCX with
 * 50,000 entries, a 30000 × 30000 PNG and a 1 MB PDF whose cross-reference stream expands to 1 GB; then four 40 GB
 * bombs at once. For each: the answer, the wall time until it came, and the CPU time the server process used meanwhile
 * (from /proc/&lt;pid&gt;/stat, so the server must run on this machine). The password defaults to the demo password;
 * {@code single} leaves out the four bombs at once (against a build without the limits they take minutes of CPU).
 */
public class HostileFiles {

	private static final long MB = 1 << 20;
	private static final long GB = 1L << 30;

	record Entry(String name, byte[] content, long size, byte fill) {

		static Entry of(String name, String content) {
			byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
			return new Entry(name, bytes, bytes.length, (byte) 0);
		}

		static Entry filled(String name, long size, char fill) {
			return new Entry(name, null, size, (byte) fill);
		}
	}

	static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
	static final String DOCUMENT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>";
	static final String APP = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Properties><Pages>1</Pages></Properties>";

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: java bench/trust/HostileFiles.java <port> <server pid> [cache dir] [password]");
			System.exit(2);
		}
		String base = "http://localhost:" + args[0];
		long pid = Long.parseLong(args[1]);
		Path cache = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "target/hostile"));
		String password = args.length > 3 ? args[3] : "chuangwen";
		HostileFiles bench = new HostileFiles(base, pid, password);

		List<Case> cases = List.of(
				new Case("40 GB DOCX bomb", "方案.docx", cached(cache, "bomb-40g.docx", () -> zip(List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES),
						Entry.of("word/document.xml", DOCUMENT), Entry.filled("word/media/image1.png", 40 * GB, '\0'), Entry.of("docProps/app.xml", APP))))),
				new Case("4 GB document.xml", "总结.docx", cached(cache, "document-4g.docx", () -> zip(List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES),
						Entry.filled("word/document.xml", 4 * GB, ' '), Entry.of("docProps/app.xml", APP))))),
				new Case("50,000 entries", "台账.docx", cached(cache, "entries-50k.docx", () -> entries(50_000))),
				new Case("30000x30000 PNG", "巨幅.png", cached(cache, "png-30000.png", () -> png(30000, 30000))),
				new Case("1 GB PDF xref stream", "报告.pdf", cached(cache, "pdf-xref-1g.pdf", () -> xrefBomb(GB))));

		String meta = "{\"orgUnitId\":" + bench.community() + ",\"kind\":\"方案\",\"title\":\"可疑文件\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
		System.out.println("| file | size on disk | answer | wall s | server CPU s |");
		System.out.println("|---|---|---|---|---|");
		for (Case c : cases) {
			long cpu = bench.cpuTicks();
			long start = System.nanoTime();
			Answer answer = bench.upload(meta, c);
			double wall = (System.nanoTime() - start) / 1e9;
			double cpuSeconds = (bench.cpuTicks() - cpu) / 100.0;
			System.out.printf(Locale.ROOT, "| %s | %.1f MB | %s | %.2f | %.2f |%n", c.label(), c.bytes().length / (double) MB, answer, wall, cpuSeconds);
		}
		if (args.length > 4 && args[4].equals("single")) {
			return;
		}
		ExecutorService four = Executors.newFixedThreadPool(4);
		long cpu = bench.cpuTicks();
		long start = System.nanoTime();
		List<Future<Answer>> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(four.submit(() -> bench.upload(meta, cases.get(0))));
		}
		List<String> statuses = new ArrayList<>();
		for (Future<Answer> a : answers) {
			statuses.add(String.valueOf(a.get().status()));
		}
		four.shutdown();
		System.out.printf(Locale.ROOT, "| four 40 GB bombs at once | 4 × %.1f MB | %s | %.2f | %.2f |%n", cases.get(0).bytes().length / (double) MB,
				String.join(",", statuses), (System.nanoTime() - start) / 1e9, (bench.cpuTicks() - cpu) / 100.0);
	}

	record Case(String label, String fileName, byte[] bytes) {}

	record Answer(int status, String error) {
		@Override
		public String toString() {
			return status + " " + error;
		}
	}

	interface Maker {
		byte[] make() throws IOException;
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final String base;
	private final long pid;
	private final String authorization;

	HostileFiles(String base, long pid, String password) {
		this.base = base;
		this.pid = pid;
		this.authorization = "Basic " + Base64.getEncoder().encodeToString(("shequ1:" + password).getBytes(StandardCharsets.UTF_8));
	}

	long community() throws Exception {
		String me = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Authorization", authorization).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("\"orgUnitId\"\\s*:\\s*(\\d+)").matcher(me);
		if (!m.find()) {
			throw new IllegalStateException("no orgUnitId in " + me);
		}
		return Long.parseLong(m.group(1));
	}

	Answer upload(String meta, Case c) throws Exception {
		String boundary = "cw" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n" + meta + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + c.fileName()
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(c.bytes());
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/materials"))
				.header("Authorization", authorization).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Matcher error = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		return new Answer(response.statusCode(), error.find() ? error.group(1) : response.statusCode() == 201 ? "stored" : "");
	}

	/** utime + stime of the server process, in clock ticks (1/100 s). */
	long cpuTicks() throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	static byte[] cached(Path cache, String name, Maker maker) throws IOException {
		Path file = cache.resolve(name);
		if (!Files.exists(file)) {
			long start = System.nanoTime();
			Files.write(file, maker.make());
			System.err.printf(Locale.ROOT, "made %s in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
		}
		return Files.readAllBytes(file);
	}

	static byte[] entries(int count) throws IOException {
		List<Entry> entries = new ArrayList<>(List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES), Entry.of("word/document.xml", DOCUMENT)));
		for (int i = 0; i < count; i++) {
			entries.add(new Entry(Integer.toString(i, 36), new byte[0], 0, (byte) 0));
		}
		return zip(entries);
	}

	static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
		chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		byte[] row = new byte[1 + (width + 7) / 8];
		try (DeflaterOutputStream out = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
			for (int y = 0; y < height; y++) {
				out.write(row);
			}
		}
		chunk(png, "IDAT", idat.toByteArray());
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
		DataOutputStream out = new DataOutputStream(png);
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeInt(data.length);
		out.write(name);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeInt((int) crc.getValue());
	}

	static byte[] xrefBomb(long size) throws IOException {
		ByteArrayOutputStream zeros = new ByteArrayOutputStream();
		byte[] block = new byte[(int) MB];
		try (DeflaterOutputStream out = new DeflaterOutputStream(zeros, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
			for (long i = 0; i < size; i += block.length) {
				out.write(block);
			}
		}
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		PrintStream p = new PrintStream(pdf, true, StandardCharsets.ISO_8859_1);
		p.print("%PDF-1.5\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
				+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n");
		int xref = pdf.size();
		p.print("4 0 obj<</Type/XRef/Size 5/W[1 2 1]/Root 1 0 R/Filter/FlateDecode/Length " + zeros.size() + ">>stream\n");
		pdf.writeBytes(zeros.toByteArray());
		p.print("\nendstream endobj\nstartxref\n" + xref + "\n%%EOF\n");
		return pdf.toByteArray();
	}

	/** A ZIP written by hand, Zip64 sizes where needed; a filled entry is one deflated megabyte repeated. */
	static byte[] zip(List<Entry> entries) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream central = new ByteArrayOutputStream();
		for (Entry entry : entries) {
			byte[] data;
			long crc;
			if (entry.content() != null) {
				data = deflate(entry.content(), true);
				CRC32 c = new CRC32();
				c.update(entry.content());
				crc = c.getValue();
			} else {
				byte[] block = new byte[(int) MB];
				java.util.Arrays.fill(block, entry.fill());
				byte[] chunk = deflate(block, false);
				ByteArrayOutputStream d = new ByteArrayOutputStream();
				CRC32 c = new CRC32();
				for (long i = 0; i < entry.size() / MB; i++) {
					d.writeBytes(chunk);
					c.update(block);
				}
				d.writeBytes(new byte[] {3, 0});
				data = d.toByteArray();
				crc = c.getValue();
			}
			byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
			boolean zip64 = entry.size() >= 0xFFFFFFFFL || data.length >= 0xFFFFFFFFL;
			byte[] extra = zip64
					? ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) 16).putLong(entry.size()).putLong(data.length).array()
					: new byte[0];
			long offset = out.size();
			out.writeBytes(ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN).putInt(0x04034b50).putShort((short) (zip64 ? 45 : 20))
					.putShort((short) 0x0800).putShort((short) 8).putShort((short) 0).putShort((short) 0x21).putInt((int) crc)
					.putInt(zip64 ? -1 : data.length).putInt(zip64 ? -1 : (int) entry.size()).putShort((short) name.length).putShort((short) extra.length).array());
			out.writeBytes(name);
			out.writeBytes(extra);
			out.writeBytes(data);
			central.writeBytes(ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN).putInt(0x02014b50).putShort((short) 45).putShort((short) (zip64 ? 45 : 20))
					.putShort((short) 0x0800).putShort((short) 8).putShort((short) 0).putShort((short) 0x21).putInt((int) crc)
					.putInt(zip64 ? -1 : data.length).putInt(zip64 ? -1 : (int) entry.size()).putShort((short) name.length).putShort((short) extra.length)
					.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset).array());
			central.writeBytes(name);
			central.writeBytes(extra);
		}
		long start = out.size();
		out.writeBytes(central.toByteArray());
		int count = Math.min(entries.size(), 0xFFFF);
		out.writeBytes(ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
				.putShort((short) count).putShort((short) count).putInt(central.size()).putInt((int) start).putShort((short) 0).array());
		return out.toByteArray();
	}

	private static byte[] deflate(byte[] content, boolean last) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		deflater.setInput(content);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		if (last) {
			deflater.finish();
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
		} else {
			int n;
			while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
				out.write(buffer, 0, n);
				if (n < buffer.length) {
					break;
				}
			}
		}
		deflater.end();
		return out.toByteArray();
	}
}
