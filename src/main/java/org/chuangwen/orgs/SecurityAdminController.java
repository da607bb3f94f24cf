package org.chuangwen.orgs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security administrator's page: the accounts in scope and their roles (三权分立). */
@Controller
class SecurityAdminController {

	static final String VIEW = "orgs/accounts";

	private final Accounts accounts;
	private final UserMessages messages;

	SecurityAdminController(Accounts accounts, UserMessages messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/security/accounts")
	String list(Model model) {
		List<AccountView> all = accounts.list();
		model.addAttribute("accounts", all);
		model.addAttribute("roles", Role.values());
		return VIEW;
	}

	@PostMapping("/security/accounts/{username}/roles")
	String roles(@PathVariable String username, @RequestParam(name = "role", required = false) List<Role> roles, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Set<Role> chosen = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
		try {
			AccountView changed = accounts.changeRoles(username, chosen);
			redirect.addFlashAttribute("flash", messages.of(request, "accounts.roles-changed", changed.username()));
			return "redirect:/security/accounts";
		} catch (UserFacingException e) {
			response.setStatus(e.status().value());
			model.addAttribute("error", messages.of(request, e));
			return list(model);
		}
	}
}
