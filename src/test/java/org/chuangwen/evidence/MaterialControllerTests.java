package org.chuangwen.evidence;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chuangwen.WebSlice;
import org.chuangwen.catalog.Catalog;
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

/**
 * The HTTP of the archive pages and API, alone: the module is mocked, the security chains and error handling are
 * real. What filing, recycling and captioning do is covered by the integration tests.
 */
@WebMvcTest(controllers = {MaterialController.class, MaterialApi.class})
@WebSlice
class MaterialControllerTests {

	static final OrgUnit COMMUNITY = new OrgUnit(4L, 3L, OrgKind.COMMUNITY, "和平社区", "/1/2/3/4/", 1);
	static final Indicator INDICATOR = new Indicator(7L, "Ⅲ-116", "Ⅲ-116", "Ⅲ-116", "讲文明树新风活动", null, 1, List.of("要求"), "材料",
			List.of("方案", "图片"), List.of(), null);
	static final MaterialRow ROW = new MaterialRow(5L, "中秋联欢", "图片", LocalDate.of(2010, 9, 22), null, null, 4L, "和平社区", "shequ1",
			Instant.parse("2026-11-28T08:00:00Z"), null, List.of(), List.of("Ⅲ-116"), 0);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EvidenceArchive archive;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	MaterialPages pages;

	@Autowired
	DataScope scope;

	@Autowired
	Orgs orgs;

	@BeforeEach
	void caller() {
		given(scope.user()).willReturn(WebSlice.WORKER);
		given(scope.readable(anyLong())).willReturn(COMMUNITY);
		given(orgs.find(anyLong())).willReturn(Optional.of(COMMUNITY));
		given(archive.box(4L, "Ⅲ-116")).willReturn(box());
	}

	private static ArchiveBox box() {
		ArchiveBox.KindShelf plan = new ArchiveBox.KindShelf("方案", true, List.of());
		ArchiveBox.KindShelf photos = new ArchiveBox.KindShelf("图片", true, List.of(new ArchiveBox.YearGroup(2010, List.of(ROW))));
		return new ArchiveBox(COMMUNITY, INDICATOR, new EvidencePeriod(2009, 2010, 2011, 2012), List.of(plan, photos), List.of(ROW));
	}

	@Test
	void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
		mvc.perform(get("/boxes/4/Ⅲ-116")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		// an htmx request (a page left open past its session) is told to load the login page, not given it as a fragment
		mvc.perform(get("/boxes/4/Ⅲ-116").header("HX-Request", "true"))
				.andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/login"));
		then(archive).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void theBoxIsAWholePageAndItsSummaryAFragmentForHtmx() throws Exception {
		mvc.perform(get("/boxes/4/Ⅲ-116"))
				.andExpect(status().isOk())
				.andExpect(view().name(MaterialController.BOX))
				.andExpect(content().string(containsString("<nav")))
				.andExpect(content().string(containsString("hx-trigger=\"materialsChanged from:body\"")))
				.andExpect(content().string(containsString("data-testid=\"box-recycle\"")));

		mvc.perform(get("/boxes/4/Ⅲ-116").header("HX-Request", "true"))
				.andExpect(status().isOk())
				.andExpect(view().name(MaterialController.BOX_SUMMARY))
				.andExpect(content().string(containsString("id=\"box-summary\"")))
				.andExpect(content().string(containsString("data-testid=\"box-completeness\"")))
				.andExpect(content().string(not(containsString("<nav"))));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void recyclingFromTheBoxAnswersTheRowAndTellsTheBoxToRefresh() throws Exception {
		mvc.perform(post("/materials/5/recycle").with(csrf()).header("HX-Request", "true"))
				.andExpect(status().isOk())
				.andExpect(view().name(MaterialController.RECYCLED))
				.andExpect(header().string("HX-Trigger", MaterialController.MATERIALS_CHANGED))
				.andExpect(content().string(containsString("data-testid=\"box-recycled\"")))
				.andExpect(content().string(containsString("已移入回收站")));
		then(archive).should().recycle(5L);
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void recyclingFromTheMaterialPageRedirectsWithAFlash() throws Exception {
		mvc.perform(post("/materials/5/recycle").with(csrf()))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/materials/5"))
				.andExpect(header().doesNotExist("HX-Trigger"));
		then(archive).should().recycle(5L);
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void aPostWithoutTheCsrfTokenIsRefusedBeforeTheModuleIsAsked() throws Exception {
		mvc.perform(post("/materials/5/recycle").header("HX-Request", "true")).andExpect(status().isForbidden());
		then(archive).should(never()).recycle(anyLong());
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void aRefusalIsAnAlertFragmentForHtmxAndAPageOtherwise() throws Exception {
		given(archive.box(4L, "Ⅲ-999")).willThrow(UserFacingException.notFound("error.not-found"));

		mvc.perform(get("/boxes/4/Ⅲ-999").header("HX-Request", "true"))
				.andExpect(status().isNotFound())
				.andExpect(view().name("error/problem :: alert"))
				.andExpect(header().string("HX-Retarget", "#htmx-error"))
				.andExpect(header().string("HX-Reswap", "innerHTML"))
				.andExpect(content().string(containsString("找不到该页面或记录")))
				.andExpect(content().string(not(containsString("<nav"))));

		mvc.perform(get("/boxes/4/Ⅲ-999"))
				.andExpect(status().isNotFound())
				.andExpect(view().name("error/problem"))
				.andExpect(header().doesNotExist("HX-Retarget"))
				.andExpect(content().string(containsString("找不到该页面或记录")))
				.andExpect(content().string(containsString("<nav")));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void theCaptionSheetIsSavedInOneModuleCall() throws Exception {
		given(archive.captionSheet(anyList(), anyList(), any())).willReturn(2);
		mvc.perform(post("/boxes/4/Ⅲ-116/captions").with(csrf())
						.param("photo", "5:0", "5:1").param("title", "赏月,吃月饼", "").param("takenAt", "", "")
						.param("place", "", "").param("people", "", "").param("photographer", "", ""))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/boxes/4/%E2%85%A2-116/captions"))
				.andExpect(flash().attribute("flash", containsString("2")));
		then(archive).should().captionSheet(List.of(new CaptionSheet.Row(new PhotoRef(5, 0), new PhotoCaption("赏月,吃月饼", null, "", "", "")),
				new CaptionSheet.Row(new PhotoRef(5, 1), new PhotoCaption("", null, "", "", ""))), List.of(), new PhotoCaption(null, null, null, null, null));
	}

	@Test
	void theApiAnswersAnAnonymousCallerWithJson401() throws Exception {
		mvc.perform(get("/api/v1/materials/5"))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.error").value("unauthorized"))
				.andExpect(jsonPath("$.message").isString());
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void theApiAnswersJsonEvenToAnHtmxRequest() throws Exception {
		given(archive.find(5L)).willReturn(new MaterialDetails(ROW, null, List.of(INDICATOR)));
		given(archive.find(6L)).willThrow(UserFacingException.notFound("error.not-found"));

		mvc.perform(get("/api/v1/materials/5").header("HX-Request", "true"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.id").value(5))
				.andExpect(jsonPath("$.title").value("中秋联欢"))
				.andExpect(jsonPath("$.indicatorCodes[0]").value("Ⅲ-116"))
				.andExpect(jsonPath("$.files").isArray());
		mvc.perform(get("/api/v1/materials/6").header("HX-Request", "true"))
				.andExpect(status().isNotFound())
				.andExpect(header().doesNotExist("HX-Retarget"))
				.andExpect(jsonPath("$.error").value("not_found"));
	}
}
