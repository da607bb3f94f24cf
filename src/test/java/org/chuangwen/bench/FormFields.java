package org.chuangwen.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The controls of one form of a rendered page, by name: how each is filled in and what it holds already. */
final class FormFields {

	record Control(String name, String how, String type, boolean required, String value, int options, List<String> checked) {}

	final Map<String, Control> controls = new LinkedHashMap<>();

	static FormFields of(String html, String action) {
		Matcher form = Pattern.compile("<form\\b[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(html);
		if (!form.find()) {
			throw new IllegalStateException("no form with action " + action);
		}
		String body = form.group(1);
		FormFields f = new FormFields();
		Matcher m = Pattern.compile("<(input|select|textarea)\\b([^>]*)>(?:(.*?)</\\1>)?", Pattern.DOTALL).matcher(body);
		while (m.find()) {
			String tag = m.group(1);
			Map<String, String> at = attrs(m.group(2));
			String name = at.get("name");
			if (name == null) {
				continue;
			}
			String type = tag.equals("input") ? at.getOrDefault("type", "text") : tag;
			boolean required = at.containsKey("required");
			Control old = f.controls.get(name);
			switch (type) {
				case "checkbox", "radio" -> {
					List<String> checked = new ArrayList<>(old == null ? List.of() : old.checked());
					if (at.containsKey("checked")) {
						checked.add(unescape(at.getOrDefault("value", "on")));
					}
					f.controls.put(name, new Control(name, "chosen", type, required || (old != null && old.required()), checked.isEmpty() ? "" : String.join(",", checked),
							(old == null ? 0 : old.options()) + 1, checked));
				}
				case "select" -> {
					String inner = m.group(3) == null ? "" : m.group(3);
					Matcher o = Pattern.compile("<option\\b([^>]*)>").matcher(inner);
					int n = 0;
					String selected = "";
					String first = null;
					while (o.find()) {
						Map<String, String> oa = attrs(o.group(1));
						n++;
						if (first == null) {
							first = oa.getOrDefault("value", "");
						}
						if (oa.containsKey("selected")) {
							selected = unescape(oa.getOrDefault("value", ""));
						}
					}
					if (selected.isEmpty() && first != null && !required) {
						selected = unescape(first); // a select shows its first option
					} else if (selected.isEmpty() && first != null && !first.isEmpty()) {
						selected = unescape(first);
					}
					f.controls.put(name, new Control(name, "chosen", "select", required, selected, n, List.of()));
				}
				case "textarea" -> f.controls.put(name, new Control(name, "typed", "textarea", required, unescape(m.group(3) == null ? "" : m.group(3).strip()), 0, List.of()));
				case "hidden" -> f.controls.put(name, new Control(name, "hidden", "hidden", false, unescape(at.getOrDefault("value", "")), 0, List.of()));
				case "file" -> f.controls.put(name, new Control(name, "chosen", "file", required, "", 0, List.of()));
				case "search", "submit", "button" -> {
					// a filter box or a button: nothing the activity keeps
				}
				default -> f.controls.put(name, new Control(name, "typed", type + (at.containsKey("list") ? "+suggestions" : ""), required,
						unescape(at.getOrDefault("value", "")), 0, List.of()));
			}
		}
		return f;
	}

	static Map<String, String> attrs(String s) {
		Map<String, String> at = new LinkedHashMap<>();
		Matcher a = Pattern.compile("([\\w:-]+)(?:=\"([^\"]*)\")?").matcher(s);
		while (a.find()) {
			at.put(a.group(1), a.group(2) == null ? "" : a.group(2));
		}
		return at;
	}

	static String unescape(String s) {
		return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
	}

	static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return m.group(1);
	}

	Map<String, String> values() {
		Map<String, String> v = new LinkedHashMap<>();
		controls.values().forEach(c -> v.put(c.name(), c.value()));
		return v;
	}

	List<String> checked(String name) {
		return controls.containsKey(name) ? controls.get(name).checked() : List.of();
	}

	long count(String how) {
		return controls.values().stream().filter(c -> c.how().equals(how) && !c.name().equals("_csrf")).count();
	}

	/** Required controls that the rendered page leaves empty: the least a worker must fill in. */
	List<String> requiredEmpty() {
		return controls.values().stream().filter(c -> c.required() && c.value().isEmpty()).map(c -> c.name() + " (" + c.how() + ")").toList();
	}

	List<String> required() {
		return controls.values().stream().filter(Control::required).map(Control::name).toList();
	}

	String prefilled() {
		return controls.values().stream().filter(c -> !c.name().equals("_csrf") && !c.value().isEmpty())
				.map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
	}

	String describe() {
		return controls.values().stream().filter(c -> !c.name().equals("_csrf"))
				.map(c -> c.name() + ":" + c.how() + "/" + c.type() + (c.options() > 0 ? "×" + c.options() : "") + (c.required() ? "/required" : ""))
				.collect(Collectors.joining(" "));
	}
}
