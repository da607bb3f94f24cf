package org.chuangwen.elections;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The joint meetings page: a community's meetings, newest first, and the form to record one with its minutes. */
@Controller
class MeetingPages {

	static final String PAGE = "elections/meetings";

	private final JointMeetings meetings;
	private final DataScope scope;
	private final Orgs orgs;
	private final UserMessages messages;

	MeetingPages(JointMeetings meetings, DataScope scope, Orgs orgs, UserMessages messages) {
		this.meetings = meetings;
		this.scope = scope;
		this.orgs = orgs;
		this.messages = messages;
	}

	@GetMapping("/joint-meetings")
	String page(@RequestParam(required = false) Long orgUnitId, Model model) {
		model.addAttribute("meetings", meetings.list(orgUnitId));
		model.addAttribute("communities", orgs.communitiesWithin(scope.path()));
		return PAGE;
	}

	@PostMapping("/joint-meetings")
	String record(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String date,
			@RequestParam(required = false) String attendees, @RequestParam(required = false) String topics, @RequestParam(required = false) String minutes,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			JointMeetings.Meeting meeting = meetings.record(orgUnitId, date, attendees, topics, minutes, Upload.of(files));
			redirect.addFlashAttribute("flash", messages.of(request, "meetings.recorded", meeting.date().toString()));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/joint-meetings";
	}
}
