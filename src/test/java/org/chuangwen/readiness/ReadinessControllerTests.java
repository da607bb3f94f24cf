package org.chuangwen.readiness;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.List;
import org.chuangwen.WebSlice;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Edition;
import org.chuangwen.catalog.EvidencePeriod;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP of the readiness dashboard and its API, alone. */
@WebMvcTest(controllers = {ReadinessController.class, ReadinessApi.class})
@WebSlice
class ReadinessControllerTests {

	static final OrgUnit COMMUNITY = new OrgUnit(4L, 3L, OrgKind.COMMUNITY, "和平社区", "/1/2/3/4/", 1);
	static final Indicator INDICATOR = new Indicator(7L, "Ⅲ-116", "Ⅲ-116", "Ⅲ-116", "讲文明树新风活动", null, 1, List.of("要求"), "材料",
			List.of("方案", "图片"), List.of(), null);
	static final EvidencePeriod PERIOD = new EvidencePeriod(2009, 2010, 2011, 2012);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Readiness readiness;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	Snapshots snapshots;

	@Autowired
	DataScope scope;

	@Autowired
	Orgs orgs;

	@BeforeEach
	void caller() {
		given(scope.user()).willReturn(WebSlice.WORKER);
		given(scope.readable(anyLong())).willReturn(COMMUNITY);
		given(orgs.lineage(COMMUNITY)).willReturn(List.of(COMMUNITY));
		given(catalog.active()).willReturn(new Edition(1L, "2026", "测评体系", "一盒一指标", PERIOD, List.of(), List.of(INDICATOR), List.of(),
				Instant.parse("2026-11-01T00:00:00Z"), "admin", "edition.json"));
		given(readiness.ofUnitOrOwn(null)).willReturn(new UnitReadiness(COMMUNITY, 0.5,
				List.of(new IndicatorReadiness(INDICATOR, List.of("图片"), List.of("方案"), 0.5, true)), List.of()));
		given(readiness.ofUnitOrOwn(99L)).willThrow(UserFacingException.notFound("error.not-found"));
	}

	@Test
	void anAnonymousVisitorIsSentToTheLoginPageAndAnApiCallerGetsJson401() throws Exception {
		mvc.perform(get("/readiness")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/readiness")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
		then(readiness).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void theHomePageIsTheCallersOwnDashboard() throws Exception {
		mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/readiness"));
		mvc.perform(get("/readiness"))
				.andExpect(status().isOk())
				.andExpect(view().name(ReadinessController.DASHBOARD))
				.andExpect(content().string(containsString("data-testid=\"overall\"")))
				.andExpect(content().string(containsString("50%")));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void aForeignUnitIsTheErrorPageOrForHtmxItsAlert() throws Exception {
		mvc.perform(get("/readiness").param("unit", "99")).andExpect(status().isNotFound()).andExpect(view().name("error/problem"));
		mvc.perform(get("/readiness").param("unit", "99").header("HX-Request", "true"))
				.andExpect(status().isNotFound())
				.andExpect(view().name("error/problem :: alert"))
				.andExpect(header().string("HX-Retarget", "#htmx-error"));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void theApiAnswersTheCallersUnitAsJson() throws Exception {
		mvc.perform(get("/api/v1/readiness"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.orgUnitId").value(4))
				.andExpect(jsonPath("$.name").value("和平社区"))
				.andExpect(jsonPath("$.completeness").value(0.5))
				.andExpect(jsonPath("$.indicators[0].code").value("Ⅲ-116"))
				.andExpect(jsonPath("$.indicators[0].missingKinds[0]").value("方案"))
				.andExpect(jsonPath("$.communities").isEmpty());
		mvc.perform(get("/api/v1/readiness").param("orgUnitId", "99"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.error").value("not_found"));
	}
}
