package dev.tunesmith.platform.http;

/**
 * A failure a client should see: an HTTP status, a stable snake_case code and a human message.
 * Rendered as {@code {"error":{"code","message"}}} by {@link ErrorHandler}.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final java.util.Map<String, String> headers;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    private ApiError(int status, String code, String message, String field, java.util.Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.headers = headers;
    }

    /** The same error with a response header added (e.g. {@code Retry-After} on a 429). */
    public ApiError withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiError(status, code, getMessage(), field, java.util.Map.copyOf(more));
    }

    /** Headers to send with the error response. */
    public java.util.Map<String, String> headers() {
        return headers;
    }

    /** An error about one input field (a JSON path such as {@code tags[0]}, a query parameter or {@code path}). */
    public ApiError(int status, String code, String message, String field) {
        this(status, code, message, field, java.util.Map.of());
    }

    /** The input field the error is about, or null. */
    public String field() {
        return field;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "invalid_request", message);
    }

    public static ApiError invalid(String code, String message) {
        return new ApiError(400, code, message);
    }

    /** 400 {@code invalid_text}: a field holds text the application does not accept (NUL, unpaired surrogate). */
    public static ApiError invalidText(String field, String reason) {
        return new ApiError(400, "invalid_text", "'" + field + "' " + reason, field);
    }

    public static ApiError notFound(String what) {
        return new ApiError(404, "not_found", what + " not found");
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "unauthorized", message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }

    public static ApiError conflict(String code, String message) {
        return new ApiError(409, code, message);
    }

    public static ApiError unavailable(String code, String message) {
        return new ApiError(503, code, message);
    }
}
