package org.chuangwen.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.platform.ApiError;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.chuangwen.platform.WriteTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal into something a person can read: JSON {@code {"error", "message"}} under
 * {@code /api/}, the error page elsewhere. Messages come from the bundles, Chinese by default.
 */
@ControllerAdvice
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final UserMessages messages;

	ErrorHandling(UserMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(UserFacingException.class)
	Object userFacing(UserFacingException e, HttpServletRequest request) {
		return answer(request, e.status(), e.error(), e.messageKey(), e.args());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "error.upload.request-too-large");
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	Object missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "missing_part", "error.request.missing-part", e.getRequestPartName());
	}

	@ExceptionHandler(MultipartException.class)
	Object brokenUpload(MultipartException e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "upload_incomplete", "error.upload.incomplete");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "missing_parameter", "error.request.missing-parameter", e.getParameterName());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "bad_parameter", "error.request.bad-parameter", e.getName());
	}

	@ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentNotValidException.class, HandlerMethodValidationException.class})
	Object unreadable(Exception e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "bad_request", "error.request.unreadable");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "error.request.media-type");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "error.request.method");
	}

	/** A write that conflicted with others outside {@link WriteTransactions} (inside a caller's transaction). */
	@ExceptionHandler({ConcurrencyFailureException.class, QueryTimeoutException.class})
	Object busy(Exception e, HttpServletRequest request) {
		return answer(request, HttpStatus.SERVICE_UNAVAILABLE, "busy", "error.busy");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException e, HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_FOUND, "not_found", "error.not-found");
	}

	private Object answer(HttpServletRequest request, HttpStatus status, String error, String key, Object... args) {
		String message = messages.of(request, key, args);
		if (status.is5xxServerError()) {
			log.error("{} {} -> {}", request.getMethod(), request.getRequestURI(), message);
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(error, message));
		}
		ModelAndView page = new ModelAndView("error/problem", status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		return page;
	}
}
