package org.chuangwen.orgs;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The login page and the org-unit API as HTTP only: the login page is open, the API wants credentials, answers JSON,
 * and only the system administrator adds units. The rules behind it are covered by {@link ScopeMatrixTests} and
 * {@link RoleSeparationTests}.
 */
@WebMvcTest(controllers = {LoginController.class, OrgUnitApi.class})
@SecuredWebSlice
class OrgsWebTests {

	private static final OrgUnit STREET = new OrgUnit(2L, 1L, OrgKind.STREET, "幸福街道", "/1/2/", 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	DataScope scope;

	@Autowired
	Orgs orgs;

	@Test
	void theLoginPageIsOpenAndTheApiWantsCredentials() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(view().name(LoginController.VIEW));
		mvc.perform(get("/api/v1/org-units")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
	}

	@Test
	@WithMockUser(roles = "STREET")
	void unitsInScopeAreListedAsJson() throws Exception {
		given(scope.path()).willReturn("/1/2/");
		given(orgs.within("/1/2/")).willReturn(List.of(STREET));

		mvc.perform(get("/api/v1/org-units"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].id").value(2))
				.andExpect(jsonPath("$[0].kind").value("STREET"))
				.andExpect(jsonPath("$[0].path").value("/1/2/"));
	}

	@Test
	@WithMockUser(roles = "STREET")
	void onlyTheSystemAdministratorAddsUnits() throws Exception {
		mvc.perform(post("/api/v1/org-units").contentType(MediaType.APPLICATION_JSON).content("{\"parentId\":2,\"kind\":\"COMMUNITY\",\"name\":\"新社区\"}"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.error").value("forbidden"));
		verify(orgs, never()).create(any(), any(), any(), org.mockito.ArgumentMatchers.anyInt());
	}
}
