package org.chuangwen.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.List;
import org.chuangwen.WebSlice;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP of the indicator catalog and its administration, alone. */
@WebMvcTest(controllers = {IndicatorController.class, IndicatorApi.class, EditionAdminController.class})
@WebSlice
class CatalogControllerTests {

	static final Indicator INDICATOR = new Indicator(7L, "Ⅲ-116", "Ⅲ-116", "Ⅲ-116", "讲文明树新风活动", null, 1, List.of("要求"), "材料",
			List.of("方案", "图片"), List.of(), null);
	static final Edition EDITION = new Edition(1L, "2026", "测评体系", null, new EvidencePeriod(2009, 2010, 2011, 2012),
			List.of(new EvidenceKind("方案", "活动方案", false)), List.of(INDICATOR), List.of(), Instant.parse("2026-11-01T00:00:00Z"), "admin",
			"edition.json");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Catalog catalog;

	@Autowired
	DataScope scope;

	@BeforeEach
	void edition() {
		given(scope.user()).willReturn(WebSlice.WORKER);
		given(catalog.active()).willReturn(EDITION);
		given(catalog.resolve("Ⅲ-116")).willReturn(INDICATOR);
		given(catalog.resolve("Ⅸ-1")).willThrow(UserFacingException.notFound("error.not-found"));
		given(catalog.indicators()).willReturn(List.of(INDICATOR));
	}

	@Test
	void anAnonymousVisitorIsSentToTheLoginPageAndAnApiCallerGetsJson401() throws Exception {
		mvc.perform(get("/indicators")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/indicators")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
		then(catalog).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void theIndicatorsArePagesAndJson() throws Exception {
		mvc.perform(get("/indicators"))
				.andExpect(status().isOk())
				.andExpect(view().name(IndicatorController.LIST))
				.andExpect(content().string(containsString("讲文明树新风活动")));
		mvc.perform(get("/api/v1/indicators/Ⅲ-116"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.code").value("Ⅲ-116"))
				.andExpect(jsonPath("$.evidenceKinds[1]").value("图片"))
				.andExpect(jsonPath("$.targets").isArray());
		mvc.perform(get("/api/v1/evidence-kinds")).andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("方案"));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void anUnknownIndicatorIsNotFoundInEachForm() throws Exception {
		mvc.perform(get("/indicators/Ⅸ-1")).andExpect(status().isNotFound()).andExpect(view().name("error/problem"));
		mvc.perform(get("/indicators/Ⅸ-1").header("HX-Request", "true"))
				.andExpect(status().isNotFound())
				.andExpect(view().name("error/problem :: alert"));
		mvc.perform(get("/api/v1/indicators/Ⅸ-1")).andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void onlyTheSystemAdministratorReachesTheEditions() throws Exception {
		mvc.perform(get("/admin/catalog")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/catalog/2026/activate").with(csrf())).andExpect(status().isForbidden());
		then(catalog).should(never()).activate(anyString(), any());
	}
}
