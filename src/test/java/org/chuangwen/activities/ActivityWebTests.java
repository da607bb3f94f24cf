package org.chuangwen.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
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

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.MaterialRow;
import org.chuangwen.orgs.CurrentUser;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.Role;
import org.chuangwen.orgs.SecuredWebSlice;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The activity pages and API as HTTP only: which view or fragment answers, with and without {@code HX-Request}, the
 * {@code HX-Trigger} events that make the page's other parts fetch themselves again, JSON shapes, and who gets in.
 * The module behind the controllers is mocked; what it does is covered by {@link ActivityTests}.
 */
@WebMvcTest(controllers = {ActivityController.class, ActivityApi.class})
@SecuredWebSlice
class ActivityWebTests {

	private static final LocalDateTime STARTS = LocalDateTime.of(2026, 9, 25, 9, 0);

	@Autowired
	MockMvc mvc;

	@Autowired
	DataScope scope;

	@MockitoBean
	Activities activities;

	@MockitoBean
	ActivityDrafts drafts;

	@MockitoBean
	ActivityCalendar calendar;

	@MockitoBean
	IssuedPlans plans;

	@MockitoBean
	OutreachCoverage coverage;

	@MockitoBean
	Festivals festivals;

	@MockitoBean
	Catalog catalog;

	@Test
	void anonymousVisitorsAreSentToLoginAndTheApiAnswers401() throws Exception {
		mvc.perform(get("/activities/7")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/activities/7"))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.error").value("unauthorized"));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void aCheckInFromAPlainFormRedirectsToTheActivityWithAFlash() throws Exception {
		given(activities.checkIn(7, "陈阿姨", "13600001234", Participant.Role.RESIDENT)).willReturn(participant());

		mvc.perform(post("/activities/7/check-ins").with(csrf()).param("name", "陈阿姨").param("phone", "13600001234"))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/activities/7"))
				.andExpect(flash().attribute("flash", "已为陈阿姨签到。"))
				.andExpect(header().doesNotExist(ActivityController.HX_TRIGGER));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void aCheckInByHtmxAnswersTheNoticeAndTellsTheParticipantsToRefresh() throws Exception {
		given(activities.checkIn(7, "陈阿姨", "13600001234", Participant.Role.RESIDENT)).willReturn(participant());

		String body = mvc.perform(post("/activities/7/check-ins").with(csrf()).header("HX-Request", "true")
						.param("name", "陈阿姨").param("phone", "13600001234"))
				.andExpect(status().isOk())
				.andExpect(view().name(ActivityController.NOTICE))
				.andExpect(header().string(ActivityController.HX_TRIGGER, ActivityController.PARTICIPANTS_CHANGED))
				.andReturn().getResponse().getContentAsString();

		assertThat(body).contains("id=\"activity-notice\"", "已为陈阿姨签到。").doesNotContain("<html", "<nav");
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void filingAStageByHtmxTellsTheStageListToRefresh() throws Exception {
		MaterialDetails filed = filed();
		given(activities.fileAttendance(7)).willReturn(filed);

		mvc.perform(post("/activities/7/attendance").with(csrf()).header("HX-Request", "true"))
				.andExpect(status().isOk())
				.andExpect(view().name(ActivityController.NOTICE))
				.andExpect(header().string(ActivityController.HX_TRIGGER, ActivityController.STAGES_CHANGED))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("签到表")));

		mvc.perform(post("/activities/7/attendance").with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/activities/7"))
				.andExpect(header().doesNotExist(ActivityController.HX_TRIGGER));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void theListsThatListenForEventsAreFragmentsForHtmxAndThePageOtherwise() throws Exception {
		given(activities.find(7)).willReturn(activity());
		given(activities.participants(7)).willReturn(List.of(participant()));
		given(scope.user()).willReturn(new CurrentUser("shequ2", "友谊社区", Set.of(Role.WORKER), 12, "/1/2/12/"));

		String stages = mvc.perform(get("/activities/7/stages").header("HX-Request", "true"))
				.andExpect(status().isOk())
				.andExpect(view().name(ActivityController.STAGES))
				.andReturn().getResponse().getContentAsString();
		assertThat(stages).contains("id=\"stages\"", "hx-trigger=\"stagesChanged from:body\"").doesNotContain("<html");

		String participants = mvc.perform(get("/activities/7/participants").header("HX-Request", "true"))
				.andExpect(status().isOk())
				.andExpect(view().name(ActivityController.PARTICIPANTS))
				.andReturn().getResponse().getContentAsString();
		assertThat(participants).contains("id=\"participants\"", "participantsChanged from:body", "136****1234").doesNotContain("<html");

		mvc.perform(get("/activities/7/stages")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/activities/7"));
		mvc.perform(get("/activities/7/participants")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/activities/7"));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void aRefusalByHtmxKeepsItsStatusAndMessage() throws Exception {
		given(activities.checkIn(anyLong(), any(), any(), any()))
				.willThrow(UserFacingException.badRequest("invalid_phone", "error.activity.phone"));

		mvc.perform(post("/activities/7/check-ins").with(csrf()).header("HX-Request", "true").param("name", "陈阿姨").param("phone", "1"))
				.andExpect(status().isBadRequest())
				.andExpect(header().doesNotExist(ActivityController.HX_TRIGGER));
	}

	@Test
	@WithMockUser(roles = "INSPECTOR")
	void theApiAnswersJsonAndNotFoundForAForeignActivity() throws Exception {
		given(activities.find(7)).willReturn(activity());
		given(activities.find(8)).willThrow(UserFacingException.notFound("error.scope.not-found"));

		mvc.perform(get("/api/v1/activities/7"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(jsonPath("$.id").value(7))
				.andExpect(jsonPath("$.category").value("我们的节日"))
				.andExpect(jsonPath("$.stages[0].stage").value(ActivityStage.values()[0].name().toLowerCase()))
				.andExpect(jsonPath("$.stages[0].done").value(false));
		mvc.perform(get("/api/v1/activities/8"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.error").value("not_found"));
	}

	@Test
	@WithMockUser(roles = "WORKER")
	void aCheckInByTheApiIsCreatedWithTheMaskedPhone() throws Exception {
		given(activities.checkIn(7, "陈阿姨", "13600001234", Participant.Role.RESIDENT)).willReturn(participant());

		mvc.perform(post("/api/v1/activities/7/check-ins").contentType(MediaType.APPLICATION_JSON)
						.content("{\"name\":\"陈阿姨\",\"phone\":\"13600001234\",\"role\":\"RESIDENT\"}"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.name").value("陈阿姨"))
				.andExpect(jsonPath("$.phone").value("136****1234"))
				.andExpect(jsonPath("$.role").value("RESIDENT"));
	}

	private static Participant participant() {
		return new Participant(3, "陈阿姨", "136****1234", Participant.Role.RESIDENT, null, STARTS, null, "shequ2", false);
	}

	static Activity activity() {
		List<Activity.Stage> stages = Arrays.stream(ActivityStage.values()).map(s -> new Activity.Stage(s, List.of())).toList();
		return new Activity(7, 12, "友谊社区", "2026年中秋节“我们的节日”主题活动",
				new ActivityCategory(1, "我们的节日", "文明实践", List.of(), null, 1, true), List.of(), STARTS, STARTS.plusHours(2), "友谊社区广场",
				null, null, null, null, null, "中秋节", null, "ABCD2345", "shequ2", stages, List.of(), 0, 1);
	}

	private static MaterialDetails filed() {
		MaterialRow row = mock(MaterialRow.class);
		given(row.title()).willReturn("签到表");
		given(row.kind()).willReturn("签到表");
		MaterialDetails details = mock(MaterialDetails.class);
		given(details.row()).willReturn(row);
		given(details.indicators()).willReturn(List.of());
		return details;
	}
}
