package dev.licensebot.server.api;

import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.sessions.OpenInteraction;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Request values the JSON binding cannot check alone: instants, dates, paging, interactions. */
final class ApiInput {

    /** The database keeps milliseconds, and DATETIME starts at year 1000: keep to sane instants. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private ApiInput() {
    }

    /** An ISO-8601 instant with Z or an offset; null when absent. */
    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.invalid(field, field + " must be an ISO-8601 instant such as 2026-03-10T08:00:00Z, not \""
                    + abbreviate(text) + "\".");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiError.invalid(field, field + " must lie between 1970 and 9999.");
        }
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A YYYY-MM-DD query parameter; null when absent. */
    static LocalDate date(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (date.getYear() < 1970 || date.getYear() > 9999) {
                throw ApiError.invalid(name, name + " must lie between 1970 and 9999.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiError.invalid(name, name + " must be a date such as 2026-03-01, not \""
                    + abbreviate(text) + "\".");
        }
    }

    /** page and size query parameters; PageRequest itself checks their range. */
    static PageRequest page(Context ctx) {
        return new PageRequest(number(ctx, "page", 1), number(ctx, "size", PageRequest.DEFAULT_SIZE));
    }

    private static int number(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name, name + " must be a whole number, not \"" + abbreviate(text) + "\".");
        }
    }

    /** Checks each entry is there with its instances; the core checks and merges the names. */
    static List<OpenInteraction> interactions(List<InteractionJson> given) {
        if (given == null) {
            return null;
        }
        List<OpenInteraction> result = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            InteractionJson entry = given.get(i);
            String at = "openInteractions[" + i + "]";
            if (entry == null) {
                throw ApiError.invalid("openInteractions", at, at + " must be an object with name and instances.");
            }
            if (entry.instances() == null) {
                throw ApiError.invalid("openInteractions", at + ".instances", at + ".instances is required.");
            }
            result.add(new OpenInteraction(entry.name(), entry.instances()));
        }
        return result;
    }

    /** Echoes of what the client sent stay short, however long it was. */
    static String abbreviate(String text) {
        return abbreviate(text, 40);
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
