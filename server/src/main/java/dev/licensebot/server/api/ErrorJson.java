package dev.licensebot.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The shape of every error the API answers: a stable code, a sentence for a person, and where
 * they apply the field at fault (400) or why a session was closed (410).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorJson(String error, String message, String field, String reason) {

    public static ErrorJson of(String error, String message) {
        return new ErrorJson(error, message, null, null);
    }
}
