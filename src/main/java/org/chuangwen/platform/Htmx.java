package org.chuangwen.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The htmx request and response headers the pages use, named once. A request htmx sends carries {@code HX-Request};
 * its answer is a fragment of the page's own template, and a change that other parts of the page show announces
 * itself with an {@code HX-Trigger} event those parts listen to ({@code hx-trigger="materialsChanged from:body"}).
 */
public final class Htmx {

	/** Sent by htmx with every request it makes. */
	public static final String REQUEST = "HX-Request";
	/** Events the page fires after the swap; names, comma-separated. */
	public static final String TRIGGER = "HX-Trigger";
	/** A CSS selector that replaces the requesting element's target. */
	public static final String RETARGET = "HX-Retarget";
	/** A swap style that replaces the requesting element's. */
	public static final String RESWAP = "HX-Reswap";

	/** The element of the layout that shows a refusal answered to an htmx request. */
	public static final String ERROR_TARGET = "#htmx-error";

	private Htmx() {}

	/** Whether htmx (not a full page load or an API client) sent {@code request}. */
	public static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader(REQUEST));
	}

	/** Announces {@code event} to the parts of the page that listen to it. */
	public static void trigger(HttpServletResponse response, String event) {
		response.setHeader(TRIGGER, event);
	}

	/**
	 * Sends a refusal to the layout's error alert rather than into the element that asked: the page stays as it was
	 * and says what went wrong.
	 */
	public static void toErrorAlert(HttpServletResponse response) {
		response.setHeader(RETARGET, ERROR_TARGET);
		response.setHeader(RESWAP, "innerHTML");
	}
}
