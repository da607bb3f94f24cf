package org.chuangwen.inspection;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Real pictures for doubt signals: a scene drawn from a seed, and the same scene re-saved smaller and brighter. */
final class Scenes {

	private Scenes() {}

	static BufferedImage scene(long seed, int width, int height, int brighter) {
		Random random = new Random(seed);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.scale(width / 640.0, height / 480.0);
		g.setPaint(new GradientPaint(0, 0, color(random, brighter), 640, 480, color(random, brighter)));
		g.fillRect(0, 0, 640, 480);
		for (int i = 0; i < 14; i++) {
			g.setColor(color(random, brighter));
			int x = random.nextInt(560);
			int y = random.nextInt(400);
			int w = 40 + random.nextInt(200);
			int h = 40 + random.nextInt(160);
			if (random.nextBoolean()) {
				g.fillRect(x, y, w, h);
			} else {
				g.fillOval(x, y, w, h);
			}
		}
		g.dispose();
		return image;
	}

	/** The scene as a camera saves it. */
	static byte[] photo(long seed) {
		return jpeg(scene(seed, 640, 480, 0), 0.9f);
	}

	/** The same scene re-saved: smaller, a little brighter, compressed harder. */
	static byte[] resaved(long seed) {
		return jpeg(scene(seed, 512, 384, 12), 0.5f);
	}

	static byte[] jpeg(BufferedImage image, float quality) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
			writer.dispose();
			stream.flush();
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Color color(Random random, int brighter) {
		return new Color(Math.min(255, random.nextInt(256) + brighter), Math.min(255, random.nextInt(256) + brighter), Math.min(255, random.nextInt(256) + brighter));
	}
}
