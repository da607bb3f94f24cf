package org.chuangwen.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.platform.ApiError;
import org.chuangwen.platform.UserMessages;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that never reach a controller (a request the container could not read, a denied page, an unknown URL)
 * get the same answers as the others: {@code {"error", "message"}} under {@code /api/}, the error alert for htmx requests, the error page elsewhere.
 */
@Controller
class ErrorPages implements ErrorController {

	private final UserMessages messages;

	ErrorPages(UserMessages messages) {
		this.messages = messages;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		boolean upload = request.getContentType() != null && request.getContentType().startsWith("multipart/");
		String key = switch (status) {
			case BAD_REQUEST -> upload ? "error.upload.incomplete" : "error.request.unreadable";
			case UNAUTHORIZED -> "error.login.required";
			case FORBIDDEN -> "error.scope.forbidden";
			case NOT_FOUND -> "error.not-found";
			case METHOD_NOT_ALLOWED -> "error.request.method";
			case NOT_ACCEPTABLE -> "error.request.not-acceptable";
			case UNSUPPORTED_MEDIA_TYPE -> "error.request.media-type";
			case PAYLOAD_TOO_LARGE -> "error.upload.request-too-large";
			default -> "error.unexpected";
		};
		String message = messages.of(request, key);
		if (path.startsWith(request.getContextPath() + "/api/")) {
			String error = status.is5xxServerError() ? "internal_error"
					: status == HttpStatus.BAD_REQUEST && upload ? "upload_incomplete" : status.name().toLowerCase();
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(error, message));
		}
		return ErrorHandling.page(request, response, status, message);
	}
}
