package org.chuangwen.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Photos like a phone takes them: random noise (incompressible, distinct) with an EXIF DateTimeOriginal. */
final class Photos {

	static byte[] noiseJpeg(int w, int h, float quality, SplittableRandom random) throws IOException {
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < px.length; i++) {
			px[i] = random.nextInt(0x1000000);
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(quality);
		ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);
		try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(ios);
			writer.write(null, new IIOImage(image, null, null), param);
		} finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/** Inserts an APP1 Exif segment with DateTimeOriginal right after SOI, as a camera does. */
	static byte[] withExifTime(byte[] jpeg, LocalDateTime takenAt) {
		byte[] time = (DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss").format(takenAt) + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(44 + time.length);
		tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
		tiff.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(26).putInt(0);
		tiff.putShort((short) 1).putShort((short) 0x9003).putShort((short) 2).putInt(time.length).putInt(44).putInt(0);
		tiff.put(time);
		byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		int length = 2 + header.length + tiff.capacity();
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
		out.put(jpeg, 0, 2);
		out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(tiff.array());
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	static List<Path> files(Path dir) throws IOException {
		try (var s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).sorted().toList();
		}
	}
}
