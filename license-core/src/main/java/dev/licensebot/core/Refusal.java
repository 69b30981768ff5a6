package dev.licensebot.core;

/**
 * Why the core said no, with a stable code for machines and a sentence for people.
 * Adapters map the kind to their own shape (HTTP status, an ephemeral Slack message, a card);
 * none of them ever shows a stack trace.
 */
public class Refusal extends RuntimeException {

    /**
     * What kind of no this is; adapters decide the status or colour from it. UNAVAILABLE is not the
     * core's choice but the database's absence ({@code DatabaseUnavailable}): try again shortly.
     */
    public enum Kind { INVALID_INPUT, NOT_FOUND, NOT_PERMITTED, CONFLICT, GONE, UNAVAILABLE }

    private final Kind kind;
    private final String code;
    private final String field;

    public Refusal(Kind kind, String code, String userMessage) {
        this(kind, code, userMessage, (String) null);
    }

    public Refusal(Kind kind, String code, String userMessage, String field) {
        super(userMessage, null, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    /** With the fault behind it, for the log: never shown to the asker. */
    protected Refusal(Kind kind, String code, String userMessage, Throwable cause) {
        super(userMessage, cause, false, false);
        this.kind = kind;
        this.code = code;
        this.field = null;
    }

    public static Refusal invalid(String field, String userMessage) {
        return new Refusal(Kind.INVALID_INPUT, "invalid_" + field, userMessage, field);
    }

    public static Refusal notFound(String what, String userMessage) {
        return new Refusal(Kind.NOT_FOUND, what + "_not_found", userMessage);
    }

    public Kind kind() {
        return kind;
    }

    /** Stable, snake_case; part of the API contract. */
    public String code() {
        return code;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }

    public String userMessage() {
        return getMessage();
    }
}
