package dev.licensebot.slack.blocks;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.SessionSort;

import java.time.LocalDate;
import java.util.function.Function;

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
        return decoded(value, 3, p -> new LicenseRequest.Active(SessionSort.valueOf(p[0]), SortOrder.valueOf(p[1]),
                page(p[2])));
    }

    public static LicenseRequest.History history(String value) {
        return decoded(value, 3, p -> new LicenseRequest.History(HistoryKind.valueOf(p[0]), since(p[1]), page(p[2])));
    }

    public static LicenseRequest.Audit audit(String value) {
        return decoded(value, 2, p -> new LicenseRequest.Audit(since(p[0]), page(p[1])));
    }

    /** A garbled value (of any kind: too few parts, an unknown name, a bad date) is refused with one sentence. */
    private static <T> T decoded(String value, int parts, Function<String[], T> decode) {
        String[] split = value == null ? new String[0] : value.split("\\.");
        try {
            if (split.length == parts) {
                return decode.apply(split);
            }
        } catch (RuntimeException e) {
            // refused below, like any other garbled value
        }
        throw Refusal.invalid("button", "That button is from an older version of this message; run the command again.");
    }

    private static LocalDate since(String part) {
        return NO_SINCE.equals(part) ? null : LocalDate.parse(part);
    }

    private static int page(String part) {
        return Math.max(1, Integer.parseInt(part));
    }
}
