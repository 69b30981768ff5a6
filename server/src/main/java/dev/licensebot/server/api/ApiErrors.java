package dev.licensebot.server.api;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.db.DatabaseUnavailable;
import dev.licensebot.core.sessions.SessionClosed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Turns everything that can go wrong into the API's one error shape. Whatever slips through as an
 * unexpected exception is logged with its cause and answered without any internals.
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        routes.exception(Refusal.class, ApiErrors::refusal);
        routes.exception(HttpResponseException.class, ApiErrors::javalin);
        routes.exception(Exception.class, ApiErrors::unexpected);
        routes.after(ApiErrors::shapeEmptyError);
    }

    /**
     * Answers that set a status and nothing else (the chat endpoints refusing a request they cannot
     * read) get a body in the error shape too: every error is {"error", "message"}.
     */
    private static void shapeEmptyError(Context ctx) {
        int status = ctx.statusCode();
        if (status < 400 || ctx.method() == HandlerType.HEAD) {
            return;
        }
        String result = ctx.result();
        if (result != null && !result.isEmpty()) {
            return;
        }
        ctx.json(switch (status) {
            case 401 -> ErrorJson.of("unauthorized", "The request's credentials are missing or not valid.");
            case 403 -> ErrorJson.of("forbidden", "This request is not allowed.");
            case 404 -> ErrorJson.of("not_found", "There is nothing at " + ctx.method() + " " + ctx.path() + ".");
            case 413 -> ErrorJson.of("payload_too_large", "The request body is too large.");
            default -> status >= 500
                    ? ErrorJson.of("internal_error", "Something went wrong on our side.")
                    : ErrorJson.of("bad_request", "The request could not be handled.");
        });
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case NOT_PERMITTED -> 403;
            case CONFLICT -> 409;
            case GONE -> 410;
            case UNAVAILABLE -> 503;
        };
    }

    private static void refusal(Refusal refusal, Context ctx) {
        String reason = refusal instanceof SessionClosed closed ? closed.reason().name() : null;
        if (refusal instanceof DatabaseUnavailable unavailable) {
            ctx.header("Retry-After", String.valueOf(unavailable.retryAfter().toSeconds()));
        }
        ctx.status(status(refusal.kind()))
                .json(new ErrorJson(refusal.code(), refusal.userMessage(), refusal.field(), reason));
    }

    /** Javalin's own answers (no such route, body too large, ...) in our shape. */
    private static void javalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        String message = switch (status) {
            case 404 -> "There is nothing at " + ctx.method() + " " + ctx.path() + ".";
            case 413 -> "The request body is too large.";
            default -> status >= 500 ? "Something went wrong on our side." : sentence(e.getMessage());
        };
        if (status >= 500) {
            LOG.error("{} {} answered {}", ctx.method(), ctx.path(), status, e);
        }
        ctx.status(status).json(ErrorJson.of(code, message));
    }

    private static void unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
        ctx.status(500).json(ErrorJson.of("internal_error",
                "Something went wrong on our side. It has been logged; please try again."));
    }

    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "The request could not be handled.";
        }
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
