package dev.licensebot.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Requests Jetty refuses before Javalin sees them (a NUL in the path, headers too large, ...)
 * get the API's error shape too, instead of an HTML page.
 */
public final class JettyErrors extends ErrorHandler {

    private final ObjectMapper json;

    public JettyErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return body(status);
    }

    /** Jetty writes error pages for GET, POST and HEAD only, empty bodies otherwise: every method gets one. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Our own sentences: Jetty's reasons may name its classes (a cause's toString). */
    private ByteBuffer body(int status) {
        ErrorJson error = switch (status) {
            case 404 -> ErrorJson.of("not_found", "There is nothing at this address.");
            case 408 -> ErrorJson.of("request_timeout", "The request did not arrive in time.");
            case 413, 431 -> ErrorJson.of("payload_too_large", "The request or its headers are too large.");
            case 414 -> ErrorJson.of("uri_too_long", "The address is too long.");
            default -> status >= 500
                    ? ErrorJson.of("internal_error", "Something went wrong on our side.")
                    : ErrorJson.of("bad_request", "The request could not be understood: its address, headers or "
                            + "encoding are malformed (for example a %-escape that is not UTF-8).");
        };
        try {
            return ByteBuffer.wrap(json.writeValueAsBytes(error));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("An error body is always serializable", e);
        }
    }
}
