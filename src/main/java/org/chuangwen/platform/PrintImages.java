package org.chuangwen.platform;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photos made ready for a printed page: turned upright as the camera recorded (EXIF orientation), scaled down to a
 * print size, re-encoded as JPEG. Large photos are subsampled while decoding, so memory stays small.
 */
public final class PrintImages {

	/** Opens the photo's bytes; called more than once. */
	public interface Source {
		InputStream open() throws IOException;
	}

	private PrintImages() {}

	/** A photo ready to embed: upright, at most {@code maxSide} pixels on its longer side, as JPEG; null if unreadable. */
	public record Printable(byte[] jpeg, int width, int height) {}

	/**
	 * Decodes a photo for print: subsampled while decoding to about twice {@code maxSide}, so a large photo never sits in
	 * memory at full size. A photo whose header announces more than {@code maxPixels} pixels is not decoded at all
	 * (null): inflating it alone would cost seconds of CPU for every document it appears in.
	 */
	public static Printable printable(Source photo, int maxSide, long maxPixels) {
		try (InputStream in = photo.open(); ImageInputStream images = ImageIO.createImageInputStream(in)) {
			Iterator<ImageReader> readers = images == null ? null : ImageIO.getImageReaders(images);
			if (readers == null || !readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			BufferedImage source;
			boolean jpeg;
			try {
				reader.setInput(images, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width * height > maxPixels) {
					return null;
				}
				jpeg = "jpeg".equalsIgnoreCase(reader.getFormatName());
				int step = (int) Math.max(1, Math.max(width, height) / (maxSide * 2L));
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				source = reader.read(0, param);
			} finally {
				reader.dispose();
			}
			// only a JPEG's metadata is read: a PNG's compressed text chunks could expand without bound
			BufferedImage upright = upright(scaled(source, maxSide), jpeg ? orientation(photo) : 1);
			return new Printable(jpeg(upright), upright.getWidth(), upright.getHeight());
		} catch (IOException | RuntimeException unreadable) {
			return null;
		}
	}

	private static BufferedImage scaled(BufferedImage source, int maxSide) {
		double scale = Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(source, 0, 0, width, height, null);
		g.dispose();
		return target;
	}

	/** Applies the EXIF orientation: 3 = upside down, 6 = turned right, 8 = turned left. */
	public static BufferedImage upright(BufferedImage image, int orientation) {
		int quarterTurns = switch (orientation) {
			case 3 -> 2;
			case 6 -> 1;
			case 8 -> 3;
			default -> 0;
		};
		if (quarterTurns == 0) {
			return image;
		}
		boolean sideways = quarterTurns % 2 == 1;
		int width = sideways ? image.getHeight() : image.getWidth();
		int height = sideways ? image.getWidth() : image.getHeight();
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		AffineTransform turn = new AffineTransform();
		turn.translate(width / 2.0, height / 2.0);
		turn.quadrantRotate(quarterTurns);
		turn.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
		g.drawImage(image, turn, null);
		g.dispose();
		return target;
	}

	private static int orientation(Source photo) {
		try (InputStream in = photo.open()) {
			Metadata metadata = ImageMetadataReader.readMetadata(in);
			ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION) ? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
		} catch (Exception unreadable) {
			return 1;
		}
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(image, null, null), param);
		} finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}
}
