package org.chuangwen.inspection;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The difference hash of a picture: scaled to 9×8 grey, one bit per neighbouring pair in a row (left brighter than
 * right). Re-saving, recompressing, resizing or a slight change of brightness keeps almost every bit; another scene
 * flips about half of them.
 */
final class DHash {

	/** Pictures are decoded subsampled to about this many pixels on the longer side: plenty for a 9×8 thumbnail. */
	private static final int DECODE_SIDE = 512;

	private DHash() {}

	/**
	 * The hash of an image, or null when the bytes are no image ImageIO can read or have more than {@code maxPixels}
	 * pixels (nothing that large is decoded here).
	 */
	static Long of(InputStream in, long maxPixels) throws IOException {
		try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
			if (stream == null) {
				return null;
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(stream, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > maxPixels) {
					return null;
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / DECODE_SIDE);
				param.setSourceSubsampling(step, step, 0, 0);
				return of(reader.read(0, param));
			} finally {
				reader.dispose();
			}
		}
	}

	static long of(BufferedImage image) {
		Image scaled = image.getScaledInstance(9, 8, Image.SCALE_AREA_AVERAGING);
		BufferedImage grey = new BufferedImage(9, 8, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = grey.createGraphics();
		g.drawImage(scaled, 0, 0, null);
		g.dispose();
		long hash = 0;
		for (int y = 0; y < 8; y++) {
			for (int x = 0; x < 8; x++) {
				int left = grey.getRaster().getSample(x, y, 0);
				int right = grey.getRaster().getSample(x + 1, y, 0);
				hash = (hash << 1) | (left > right ? 1 : 0);
			}
		}
		return hash;
	}

	static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}
}
