package org.chuangwen.audit;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.chuangwen.orgs.SecuredWebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit pages and API as HTTP only: only the audit administrator gets in (三权分立), pages send others to log in
 * or refuse them, the API answers JSON. The trail itself is covered by {@link AuditChainTests} and {@link AuditPageTests}.
 */
@WebMvcTest(controllers = {AuditController.class, AuditApi.class})
@SecuredWebSlice
class AuditWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@Test
	void anonymousVisitorsAreSentToLoginAndTheApiAnswers401() throws Exception {
		mvc.perform(get("/admin/audit")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void theSystemAdministratorIsRefused() throws Exception {
		mvc.perform(get("/admin/audit")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("forbidden"));
	}

	@Test
	@WithMockUser(roles = "AUDITOR")
	void theAuditAdministratorBrowsesAndVerifies() throws Exception {
		given(audit.count(null, null)).willReturn(120L);
		given(audit.verify()).willReturn(new Verification(true, 120, null));

		mvc.perform(get("/admin/audit"))
				.andExpect(status().isOk())
				.andExpect(view().name(AuditController.VIEW))
				.andExpect(model().attribute("pages", 3L))
				.andExpect(model().attribute("total", 120L));
		mvc.perform(post("/admin/audit/verify").with(csrf()))
				.andExpect(status().isOk())
				.andExpect(view().name(AuditController.VIEW))
				.andExpect(model().attribute("verification", new Verification(true, 120, null)));
		mvc.perform(get("/api/v1/audit/verify"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.valid").value(true))
				.andExpect(jsonPath("$.entries").value(120))
				.andExpect(jsonPath("$.firstBrokenId").doesNotExist());
	}
}
