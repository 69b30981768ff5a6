package dev.licensebot.server.api;

/**
 * A refusal the API layer itself decides (authentication, request shape), carrying the HTTP
 * status. Refusals from the core keep their own type and are mapped by {@link ApiErrors}.
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    ApiError(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ApiError unauthorized(String message) {
        return new ApiError(401, "unauthorized", message, null);
    }

    /** The body as a whole is unusable: empty, not JSON, or not an object. */
    static ApiError badBody(String message) {
        return new ApiError(400, "invalid_json", message, null);
    }

    /** A bad field: the code names the top-level field, {@code path} the exact place. */
    static ApiError invalid(String topField, String path, String message) {
        return new ApiError(400, "invalid_" + topField, message, path);
    }

    /** A field the request does not have (a typo, or one of another call): {@code path} names it. */
    static ApiError unknownField(String path, String message) {
        return new ApiError(400, "unknown_field", message, path);
    }

    static ApiError invalid(String field, String message) {
        return invalid(field, field, message);
    }

    int status() {
        return status;
    }

    ErrorJson body() {
        return new ErrorJson(code, getMessage(), field, null);
    }
}
