package dev.licensebot.core.sessions;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.paging.SortOrder;

import java.util.Locale;

/** The sorts of the Active Agents list; each maps to an indexed column, never to user text. */
public enum SessionSort {
    AGENT("username"), START("started_at"), INTERACTIONS("open_interactions");

    private final String column;

    SessionSort(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "agent, A to Z", "start, newest first": the sort in force, in words. */
    public String describe(SortOrder order) {
        boolean asc = order == SortOrder.ASC;
        return switch (this) {
            case AGENT -> asc ? "agent, A to Z" : "agent, Z to A";
            case START -> asc ? "start, oldest first" : "start, newest first";
            case INTERACTIONS -> asc ? "interactions, fewest first" : "interactions, most first";
        };
    }

    public static SessionSort parse(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "agent", "agents", "name", "user" -> AGENT;
            case "start", "started", "time", "since" -> START;
            case "interactions", "interaction", "open" -> INTERACTIONS;
            default -> throw Refusal.invalid("sort", "Sort by agent, start or interactions, not \"" + word + "\".");
        };
    }
}
