package org.chuangwen.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import org.chuangwen.orgs.SecuredWebSlice;
import org.chuangwen.platform.Throttle;
import org.chuangwen.platform.TooManyAttempts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public check-in page as HTTP only: open without login, the device cookie it sets, and {@code 429} with
 * {@code Retry-After} for a blocked address. What a submission does is covered by {@link CheckInAbuseTests}.
 */
@WebMvcTest(controllers = CheckInController.class)
@SecuredWebSlice
class CheckInWebTests {

	private static final String DEVICE = "ab".repeat(32);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SelfCheckIn checkIns;

	@Test
	void thePageIsOpenWithoutLogin() throws Exception {
		given(checkIns.open(eq("ABCD2345"), anyString())).willReturn(ActivityWebTests.activity());

		String body = mvc.perform(get("/c/ABCD2345"))
				.andExpect(status().isOk())
				.andExpect(view().name(CheckInController.VIEW))
				.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("2026年中秋节“我们的节日”主题活动");
		mvc.perform(get("/c").param("code", " abcd2345 ")).andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/c/ABCD2345"));
	}

	@Test
	void aCheckInKeepsTheDeviceInAnHttpOnlyCookieForTheCheckInPagesOnly() throws Exception {
		given(checkIns.open(eq("ABCD2345"), anyString())).willReturn(ActivityWebTests.activity());
		given(checkIns.newDevice()).willReturn(DEVICE);
		given(checkIns.submit(eq("ABCD2345"), eq("陈阿姨"), eq("13600001234"), any(), eq(DEVICE), anyString()))
				.willReturn(new SelfCheckIn.Answer(SelfCheckIn.Step.CHECKED_IN, "陈阿姨"));

		String cookie = mvc.perform(post("/c/ABCD2345").with(csrf()).param("name", "陈阿姨").param("phone", "13600001234"))
				.andExpect(status().isOk())
				.andExpect(model().attribute("done", "陈阿姨,签到成功:“2026年中秋节“我们的节日”主题活动”。"))
				.andReturn().getResponse().getHeader(HttpHeaders.SET_COOKIE);
		assertThat(cookie).startsWith(CheckInController.DEVICE_COOKIE + "=" + DEVICE).contains("Path=/c", "HttpOnly", "SameSite=Lax");
	}

	@Test
	void aBlockedAddressIsToldWhenToTryAgain() throws Exception {
		given(checkIns.open(eq("ZZZZ9999"), anyString()))
				.willThrow(new TooManyAttempts(new Throttle.Verdict(false, Duration.ofSeconds(60), true), "checkin.too-many"));

		mvc.perform(get("/c/ZZZZ9999"))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string(HttpHeaders.RETRY_AFTER, "60"))
				.andExpect(view().name(CheckInController.VIEW));
	}
}
