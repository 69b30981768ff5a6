package dev.licensebot.slack.blocks;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.history.HistoryQuery;
import dev.licensebot.core.paging.PageRequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Which history page a message shows, carried in its buttons: "SESSIONS.2026-03-01.2" ("-" for no since). */
public record HistoryListState(HistoryKind kind, LocalDate since, int page) {

    private static final String NO_SINCE = "-";

    public static HistoryListState first(HistoryKind kind) {
        return new HistoryListState(kind, null, 1);
    }

    public HistoryQuery query() {
        return new HistoryQuery(since, PageRequest.of(page));
    }

    public HistoryListState withPage(int newPage) {
        return new HistoryListState(kind, since, newPage);
    }

    /** Another history, from its first page, keeping the since. */
    public HistoryListState withKind(HistoryKind newKind) {
        return new HistoryListState(newKind, since, 1);
    }

    public String encode() {
        return kind.name() + "." + (since == null ? NO_SINCE : since.toString()) + "." + page;
    }

    public static HistoryListState decode(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\.");
        try {
            if (parts.length == 3) {
                LocalDate since = NO_SINCE.equals(parts[1]) ? null : LocalDate.parse(parts[1]);
                return new HistoryListState(HistoryKind.valueOf(parts[0]), since, Math.max(1, Integer.parseInt(parts[2])));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below, with the same sentence as any other garbled value
        }
        throw Refusal.invalid("button", "That button is from an older version of this message; run the command again.");
    }
}
