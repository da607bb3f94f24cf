package org.chuangwen.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The perceptual hash keeps a re-saved picture together and tells different scenes apart. */
class DHashTests {

	private static final int THRESHOLD = new InspectionProperties(null, null).nearDuplicateDistance();

	@Test
	void aResavedSmallerBrighterCopyStaysWithinTheThreshold() throws IOException {
		for (long seed = 1; seed <= 20; seed++) {
			assertThat(DHash.distance(hash(Scenes.photo(seed)), hash(Scenes.resaved(seed)))).as("scene %d", seed).isLessThanOrEqualTo(THRESHOLD);
		}
	}

	@Test
	void differentScenesAreFarApart() throws IOException {
		for (long seed = 1; seed <= 20; seed++) {
			assertThat(DHash.distance(hash(Scenes.photo(seed)), hash(Scenes.photo(seed + 100)))).as("scene %d", seed).isGreaterThan(THRESHOLD);
		}
	}

	@Test
	void somethingThatIsNoImageHasNoHash() throws IOException {
		assertThat(DHash.of(new ByteArrayInputStream("not a picture".getBytes()), 1_000_000)).isNull();
	}

	private static long hash(byte[] jpeg) throws IOException {
		return DHash.of(new ByteArrayInputStream(jpeg), 200_000_000);
	}
}
