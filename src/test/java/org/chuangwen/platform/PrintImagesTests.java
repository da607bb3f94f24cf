package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.evidence.HostileFiles;
import org.junit.jupiter.api.Test;

/** Photos are decoded for print within a pixel budget: subsampled to about print size, never above the budget. */
class PrintImagesTests {

	private static final long BUDGET = 200_000_000;

	@Test
	void aLargePhonePhotoIsDecodedSubsampledToPrintSize() {
		byte[] photo = DemoFiles.jpeg(4000, 3000, new Color(0x446688), null);
		PrintImages.Printable printable = PrintImages.printable(() -> new ByteArrayInputStream(photo), 1000, BUDGET);
		assertThat(printable).isNotNull();
		assertThat(printable.width()).isEqualTo(1000);
		assertThat(printable.height()).isEqualTo(750);
	}

	@Test
	void anImageAboveThePixelBudgetIsNotDecodedAtAll() throws IOException {
		byte[] huge = png(30000, 30000);
		assertThat(huge.length).isLessThan(200_000);
		assertThat(PrintImages.printable(() -> new ByteArrayInputStream(huge), 1600, BUDGET)).isNull();
		byte[] fits = png(3000, 2000);
		assertThat(PrintImages.printable(() -> new ByteArrayInputStream(fits), 1600, BUDGET)).isNotNull();
	}

	private static byte[] png(int width, int height) throws IOException {
		return HostileFiles.png(width, height);
	}
}
