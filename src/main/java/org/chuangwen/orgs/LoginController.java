package org.chuangwen.orgs;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	static final String VIEW = "orgs/login";

	@GetMapping("/login")
	String login() {
		return VIEW;
	}
}
