package org.chuangwen.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.chuangwen.platform.ApiError;
import org.chuangwen.platform.Htmx;
import org.chuangwen.platform.InvalidDateException;
import org.chuangwen.platform.TextRefused;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.chuangwen.platform.WriteTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every refusal into something a person can read: JSON {@code {"error", "message"}} under
 * {@code /api/}, an alert fragment for htmx requests, the error page elsewhere. Messages come from the bundles, Chinese by default, and name the real
 * problem: the field that did not bind, the limit that was hit, the media type that cannot be served.
 */
@ControllerAdvice
class ErrorHandling {

	static final String PROBLEM = "error/problem";
	static final String PROBLEM_ALERT = "error/problem :: alert";

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final UserMessages messages;

	ErrorHandling(UserMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(UserFacingException.class)
	Object userFacing(UserFacingException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, e);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
		return partHeaderTooLarge(e).map(r -> answer(request, response, r))
				.orElseGet(() -> answer(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "error.upload.request-too-large"));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	Object missingPart(MissingServletRequestPartException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.BAD_REQUEST, "missing_part", "error.request.missing-part", e.getRequestPartName());
	}

	/** A multipart body that ends before its closing boundary, inside a part's headers or inside a part's bytes. */
	@ExceptionHandler(MultipartException.class)
	Object brokenUpload(MultipartException e, HttpServletRequest request, HttpServletResponse response) {
		return partHeaderTooLarge(e).map(r -> answer(request, response, r))
				.orElseGet(() -> answer(request, response, HttpStatus.BAD_REQUEST, "upload_incomplete", "error.upload.incomplete"));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.BAD_REQUEST, "missing_parameter", "error.request.missing-parameter", e.getParameterName());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
		return refusal(e).map(r -> answer(request, response, named(r, e.getName())))
				.orElseGet(() -> answer(request, response, HttpStatus.BAD_REQUEST, "bad_parameter", "error.request.bad-parameter", e.getName()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
		Optional<UserFacingException> refusal = TextRefused.in(e).or(() -> refusal(e));
		if (refusal.isPresent()) {
			return answer(request, response, refusal.get());
		}
		JacksonException json = cause(e, JacksonException.class);
		if (json instanceof StreamReadException && json.getLocation() != null) {
			TokenStreamLocation at = json.getLocation();
			return answer(request, response, HttpStatus.BAD_REQUEST, "bad_request", "error.request.not-json", at.getLineNr(), at.getColumnNr());
		}
		if (json != null && !json.getPath().isEmpty()) {
			return answer(request, response, HttpStatus.BAD_REQUEST, "bad_request", "error.request.field", path(json), expected(json));
		}
		if (json == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
			return answer(request, response, HttpStatus.BAD_REQUEST, "bad_request", "error.request.empty-body");
		}
		return answer(request, response, HttpStatus.BAD_REQUEST, "bad_request", "error.request.unreadable");
	}

	/** Form fields that did not bind (a date, a number): the first one is named. */
	@ExceptionHandler(BindException.class)
	Object unbound(BindException e, HttpServletRequest request, HttpServletResponse response) {
		for (FieldError field : e.getFieldErrors()) {
			TypeMismatchException mismatch = field.unwrap(TypeMismatchException.class);
			Optional<UserFacingException> refusal = refusal(mismatch);
			if (refusal.isPresent()) {
				return answer(request, response, named(refusal.get(), field.getField()));
			}
		}
		String fields = e.getFieldErrors().stream().map(FieldError::getField).distinct().collect(Collectors.joining("、"));
		return fields.isEmpty()
				? answer(request, response, HttpStatus.BAD_REQUEST, "bad_request", "error.request.unreadable")
				: answer(request, response, HttpStatus.BAD_REQUEST, "bad_parameter", "error.request.bad-parameter", fields);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object invalid(HandlerMethodValidationException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.BAD_REQUEST, "bad_request", "error.request.unreadable");
	}

	/** Asked for XML (or anything but JSON): the refusal itself is still written as JSON. */
	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "error.request.not-acceptable");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
		String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
		return answer(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "error.request.media-type-named",
				e.getContentType() == null ? "(无)" : e.getContentType().toString(), supported);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
		String supported = e.getSupportedHttpMethods() == null ? "-"
				: e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
		return answer(request, response, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "error.request.method-named", e.getMethod(), supported);
	}

	/** A write that conflicted with others outside {@link WriteTransactions} (inside a caller's transaction). */
	@ExceptionHandler({ConcurrencyFailureException.class, QueryTimeoutException.class})
	Object busy(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.SERVICE_UNAVAILABLE, "busy", "error.busy");
	}

	@ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
	Object noResource(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.NOT_FOUND, "not_found", "error.not-found");
	}

	/**
	 * Tomcat refuses a part whose headers exceed {@code server.tomcat.max-part-header-size}, which a long file name
	 * does; FileUpload says so only in its message, and Spring reports it as an oversize upload.
	 */
	private static Optional<UserFacingException> partHeaderTooLarge(Exception e) {
		SizeException size = cause(e, SizeException.class);
		if (size == null || size.getMessage() == null || !size.getMessage().startsWith("Header section")) {
			return Optional.empty();
		}
		long limit = size.getPermittedSize();
		// about three bytes a Chinese character, less the part's other headers
		long characters = Math.max(0, (limit - 120) / 3);
		return Optional.of(UserFacingException.badRequest("file_name_too_long", "error.upload.file-name-too-long",
				String.valueOf(limit), String.valueOf(characters)));
	}

	private static Optional<UserFacingException> refusal(Throwable e) {
		return Optional.ofNullable(cause(e, UserFacingException.class));
	}

	private static UserFacingException named(UserFacingException refusal, String field) {
		return refusal instanceof InvalidDateException date && date.field() == null ? date.forField(field) : refusal;
	}

	/** What the field should have held, in words a caller understands. */
	private static String expected(JacksonException e) {
		Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
		if (type == null) {
			return "-";
		}
		if (type.isEnum()) {
			return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(" / "));
		}
		if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
			return "数字 number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true / false";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "列表 [ … ]";
		}
		return type == String.class ? "文本 \"…\"" : "对象 { … }";
	}

	private static String path(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : e.getPath()) {
			if (ref.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
			} else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private Object answer(HttpServletRequest request, HttpServletResponse response, UserFacingException e) {
		return answer(request, response, e.status(), e.error(), e.messageKey(), e.args());
	}

	private Object answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String error, String key, Object... args) {
		String message = messages.of(request, key, args);
		if (status.is5xxServerError()) {
			log.error("{} {} -> {}", request.getMethod(), request.getRequestURI(), message);
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(error, message));
		}
		return page(request, response, status, message);
	}

	/**
	 * The error page, or for an htmx request only its alert, sent to the layout's error area: swapping a whole page
	 * into the element that asked would nest the layout inside itself.
	 */
	static ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message) {
		ModelAndView page = new ModelAndView(PROBLEM, status);
		if (Htmx.isHtmx(request)) {
			page.setViewName(PROBLEM_ALERT);
			Htmx.toErrorAlert(response);
		}
		page.addObject("status", status.value());
		page.addObject("message", message);
		return page;
	}
}
