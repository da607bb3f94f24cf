package org.chuangwen.archive;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP of exports and printing, alone: the export page polls its progress as an htmx fragment. */
@WebMvcTest(controllers = {ArchiveController.class, ExportApi.class})
@WebSlice
class ArchiveControllerTests {

	static final ExportJob RUNNING = new ExportJob(9L, 4L, "和平社区", List.of("Ⅲ-116"), 4, "jiedao", Instant.parse("2026-11-29T01:00:00Z"),
			ExportJob.State.RUNNING, 40, null, null, null, null, null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PrintArchive print;

	@MockitoBean
	Exports exports;

	@MockitoBean
	Catalog catalog;

	@Autowired
	DataScope scope;

	@BeforeEach
	void caller() {
		given(scope.user()).willReturn(WebSlice.WORKER);
		given(exports.find(9L)).willReturn(RUNNING);
		given(exports.find(10L)).willThrow(UserFacingException.notFound("error.not-found"));
	}

	@Test
	void anAnonymousVisitorIsSentToTheLoginPageAndAnApiCallerGetsJson401() throws Exception {
		mvc.perform(get("/exports/9")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/exports/9")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
		// the mocked Exports still hears ApplicationReadyEvent (resuming jobs), so only the calls of a request are checked
		then(exports).should(never()).find(anyLong());
	}

	@Test
	@WithMockUser(roles = "STREET")
	void theExportPageIsAWholePageAndItsProgressAFragmentThatKeepsPolling() throws Exception {
		mvc.perform(get("/exports/9"))
				.andExpect(status().isOk())
				.andExpect(view().name(ArchiveController.EXPORT))
				.andExpect(content().string(containsString("<nav")))
				.andExpect(content().string(containsString("id=\"export-progress\"")));

		mvc.perform(get("/exports/9").header("HX-Request", "true"))
				.andExpect(status().isOk())
				.andExpect(view().name(ArchiveController.PROGRESS))
				.andExpect(content().string(containsString("hx-trigger=\"load delay:1s\"")))
				.andExpect(content().string(containsString("40%")))
				.andExpect(content().string(not(containsString("<nav"))));
	}

	@Test
	@WithMockUser(roles = "STREET")
	void aForeignExportIsAnAlertForHtmxAndAPageOtherwise() throws Exception {
		mvc.perform(get("/exports/10").header("HX-Request", "true"))
				.andExpect(status().isNotFound())
				.andExpect(view().name("error/problem :: alert"))
				.andExpect(header().string("HX-Retarget", "#htmx-error"))
				.andExpect(content().string(not(containsString("<nav"))));
		mvc.perform(get("/exports/10"))
				.andExpect(status().isNotFound())
				.andExpect(view().name("error/problem"))
				.andExpect(content().string(containsString("<nav")));
	}

	@Test
	@WithMockUser(roles = "STREET")
	void theExportsPageOffersTheCommunitiesTheModuleNames() throws Exception {
		given(exports.communities()).willReturn(List.of(new OrgUnit(4L, 3L, OrgKind.COMMUNITY, "和平社区", "/1/2/3/4/", 1)));
		given(exports.recent(50)).willReturn(List.of(RUNNING));
		given(catalog.active()).willReturn(new Edition(1L, "2026", "测评体系", null, new EvidencePeriod(2009, 2010, 2011, 2012), List.of(),
				List.of(), List.of(), Instant.parse("2026-11-01T00:00:00Z"), "admin", "edition.json"));
		mvc.perform(get("/exports"))
				.andExpect(status().isOk())
				.andExpect(view().name(ArchiveController.EXPORTS))
				.andExpect(content().string(containsString("和平社区")));
	}

	@Test
	@WithMockUser(roles = "STREET")
	void requestingAnExportFromThePageRedirectsToItsProgress() throws Exception {
		given(exports.request(anyLong(), any(), any())).willReturn(RUNNING);
		mvc.perform(post("/exports").with(csrf()).param("unit", "4").param("indicator", "Ⅲ-116"))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/exports/9"));
		then(exports).should().request(4L, List.of("Ⅲ-116"), null);
	}

	@Test
	@WithMockUser(roles = "STREET")
	void theApiAcceptsARequestWith202AndRefusesOneWithoutAUnit() throws Exception {
		given(exports.request(anyLong(), any(), any())).willReturn(RUNNING);
		mvc.perform(post("/api/v1/exports").contentType(MediaType.APPLICATION_JSON).content("{\"orgUnitId\":4,\"indicatorCodes\":[\"Ⅲ-116\"]}"))
				.andExpect(status().isAccepted())
				.andExpect(header().string("Location", "/api/v1/exports/9"))
				.andExpect(jsonPath("$.state").value("RUNNING"))
				.andExpect(jsonPath("$.progress").value(40))
				.andExpect(jsonPath("$.downloadUrl").doesNotExist());
		mvc.perform(post("/api/v1/exports").contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.error").value("missing_unit"));
	}
}
