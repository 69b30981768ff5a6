package dev.licensebot.slack.blocks;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.SessionSort;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The request a list's buttons ask again, carried in their values so paging, sorting and Refresh
 * need no memory on the server: "START.ASC.2" (active), "SESSIONS.2026-03-01.2" (a history),
 * "2026-03-01.2" (the audit log), with "-" for no since.
 */
public final class ButtonValues {

    private static final String NO_SINCE = "-";

    private ButtonValues() {
    }

    public static String active(SessionSort sort, SortOrder order, int page) {
        return sort.name() + "." + order.name() + "." + page;
    }

    public static String history(HistoryKind kind, LocalDate since, int page) {
        return kind.name() + "." + audit(since, page);
    }

    public static String audit(LocalDate since, int page) {
        return (since == null ? NO_SINCE : since.toString()) + "." + page;
    }

    public static LicenseRequest.Active active(String value) {
        String[] parts = parts(value, 3);
        return decoded(() -> new LicenseRequest.Active(SessionSort.valueOf(parts[0]), SortOrder.valueOf(parts[1]),
                page(parts[2])));
    }

    public static LicenseRequest.History history(String value) {
        String[] parts = parts(value, 3);
        return decoded(() -> new LicenseRequest.History(HistoryKind.valueOf(parts[0]), since(parts[1]),
                page(parts[2])));
    }

    public static LicenseRequest.Audit audit(String value) {
        String[] parts = parts(value, 2);
        return decoded(() -> new LicenseRequest.Audit(since(parts[0]), page(parts[1])));
    }

    private static String[] parts(String value, int expected) {
        String[] parts = value == null ? new String[0] : value.split("\\.");
        if (parts.length != expected) {
            throw olderButton();
        }
        return parts;
    }

    private static LocalDate since(String part) {
        return NO_SINCE.equals(part) ? null : LocalDate.parse(part);
    }

    private static int page(String part) {
        return Math.max(1, Integer.parseInt(part));
    }

    /** A garbled value (a parse error of any kind) is refused with one sentence. */
    private static <T> T decoded(Supplier<T> decode) {
        try {
            return decode.get();
        } catch (RuntimeException e) {
            throw olderButton();
        }
    }

    private static Refusal olderButton() {
        return Refusal.invalid("button", "That button is from an older version of this message; run the command again.");
    }
}
