package org.chuangwen.orgs;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Changing one's own password. After a change the session ends and the account logs in again with the new
 * password, so no session keeps the state of the old one.
 */
@Controller
class PasswordController {

	static final String VIEW = "orgs/password";

	private final Accounts accounts;
	private final UserMessages messages;

	PasswordController(Accounts accounts, UserMessages messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	record PasswordForm(String oldPassword, String newPassword, String repeat) {}

	@ModelAttribute("rules")
	PasswordRules rules() {
		return accounts.passwordRules();
	}

	@GetMapping("/me/password")
	String form() {
		return VIEW;
	}

	@PostMapping("/me/password")
	String change(PasswordForm form, Model model, HttpServletRequest request, HttpServletResponse response) throws ServletException {
		try {
			if (form.newPassword() == null || !form.newPassword().equals(form.repeat())) {
				throw UserFacingException.badRequest("password_mismatch", "error.password.repeat");
			}
			accounts.changePassword(form.oldPassword(), form.newPassword());
		} catch (UserFacingException e) {
			response.setStatus(e.status().value());
			model.addAttribute("error", messages.of(request, e));
			return VIEW;
		}
		request.logout();
		return "redirect:/login?changed";
	}
}
