package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

	@Test
	void findsLoneSurrogatesAndControlCharacters() {
		assertThat(Text.firstInvalid("和平社区 😀 2010", false)).isEqualTo(-1);
		assertThat(Text.firstInvalid(null, false)).isEqualTo(-1);
		assertThat(Text.firstInvalid("a\ud800", false)).isEqualTo(1);
		assertThat(Text.firstInvalid("\udc00a", false)).isZero();
		assertThat(Text.firstInvalid("ab\u0000", false)).isEqualTo(2);
		assertThat(Text.firstInvalid("a\u0085", false)).as("a C1 control").isEqualTo(1);
		assertThat(Text.firstInvalid("a\uFFFF", false)).isEqualTo(1);
		assertThat(Text.firstInvalid("第一行\n第二行\t缩进\r", false)).isEqualTo(3);
		assertThat(Text.firstInvalid("第一行\n第二行\t缩进\r", true)).isEqualTo(-1);
	}

	@Test
	void makesStoredTextPrintable() {
		assertThat(Text.printable("旧\ud800标题\u0001\u0007")).isEqualTo("旧\uFFFD标题");
		assertThat(Text.printable("\udc00\ud83d\ude00\ud83d")).isEqualTo("\uFFFD😀\uFFFD");
		assertThat(Text.printable("行一\n行二\t")).isEqualTo("行一\n行二\t");
		String fine = "和平社区";
		assertThat(Text.printable(fine)).isSameAs(fine);
		assertThat(Text.printable(null)).isNull();
	}
}
