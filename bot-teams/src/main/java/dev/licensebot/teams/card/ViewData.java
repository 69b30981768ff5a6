package dev.licensebot.teams.card;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.SessionSort;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The read-only views as button data, both ways: what a card puts in a button, and the core
 * request that data stands for when it comes back. Data comes from the client, so every value is
 * checked as if typed.
 */
public final class ViewData {

    private ViewData() {
    }

    public static ActionData usage() {
        return ActionData.of(Verbs.USAGE);
    }

    public static ActionData active(SessionSort sort, SortOrder order, int page) {
        return ActionData.of(Verbs.ACTIVE).with(Verbs.SORT, sort == null ? null : sort.label())
                .with(Verbs.ORDER, order == null ? null : order.name().toLowerCase(Locale.ROOT))
                .with(Verbs.PAGE, page);
    }

    public static ActionData history(HistoryKind kind, LocalDate since, int page) {
        return ActionData.of(Verbs.HISTORY).with(Verbs.KIND, kind.name().toLowerCase(Locale.ROOT))
                .with(Verbs.SINCE, since).with(Verbs.PAGE, page);
    }

    public static ActionData audit(LocalDate since, int page) {
        return ActionData.of(Verbs.AUDIT).with(Verbs.SINCE, since).with(Verbs.PAGE, page);
    }

    public static ActionData help() {
        return ActionData.of(Verbs.HELP);
    }

    /** The view this data asks for, or empty when its verb is not a view. */
    public static Optional<LicenseRequest> request(ActionData data) {
        return Optional.ofNullable(switch (data.verb()) {
            case Verbs.USAGE -> new LicenseRequest.Usage();
            case Verbs.ACTIVE -> active(data);
            case Verbs.HISTORY -> new LicenseRequest.History(kind(data), since(data), page(data));
            case Verbs.AUDIT -> new LicenseRequest.Audit(since(data), page(data));
            case Verbs.HELP -> new LicenseRequest.Help(List.of());
            default -> null;
        });
    }

    /** The Active Agents view the data was sent from (its sort and page), for "Terminate selected". */
    public static LicenseRequest.Active active(ActionData data) {
        return new LicenseRequest.Active(data.param(Verbs.SORT).map(SessionSort::parse).orElse(null),
                data.param(Verbs.ORDER).map(SortOrder::parse).orElse(null), page(data));
    }

    private static HistoryKind kind(ActionData data) {
        String kind = data.param(Verbs.KIND).orElse("");
        try {
            return HistoryKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("history", "There is no \"" + kind + "\" history; try users, sessions or purchases.");
        }
    }

    private static LocalDate since(ActionData data) {
        Optional<String> since = data.param(Verbs.SINCE);
        try {
            return since.map(LocalDate::parse).orElse(null);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("since", "\"" + since.get() + "\" is not a date; write it as YYYY-MM-DD.");
        }
    }

    private static int page(ActionData data) {
        String page = data.param(Verbs.PAGE).orElse("1");
        try {
            int number = Integer.parseInt(page);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the value
        }
        throw Refusal.invalid("page", "\"" + page + "\" is not a page number; pages start at 1.");
    }
}
