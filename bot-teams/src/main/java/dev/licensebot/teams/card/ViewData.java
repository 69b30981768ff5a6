package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.SessionSort;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read-only views as button data, both ways: what a card puts in a button, and the core
 * request that data stands for when it comes back. Data comes from the client, so every value is
 * checked as if typed.
 */
public final class ViewData {

    private ViewData() {
    }

    public static ActionData usage() {
        return ActionData.of(Verb.USAGE);
    }

    public static ActionData active(SessionSort sort, SortOrder order, int page) {
        return ActionData.of(Verb.ACTIVE).with(Param.SORT, sort == null ? null : sort.label())
                .with(Param.ORDER, order == null ? null : order.name().toLowerCase(Locale.ROOT))
                .with(Param.PAGE, page);
    }

    public static ActionData history(HistoryKind kind, LocalDate since, int page) {
        return ActionData.of(Verb.HISTORY).with(Param.KIND, kind.name().toLowerCase(Locale.ROOT))
                .with(Param.SINCE, since).with(Param.PAGE, page);
    }

    public static ActionData audit(LocalDate since, int page) {
        return ActionData.of(Verb.AUDIT).with(Param.SINCE, since).with(Param.PAGE, page);
    }

    public static ActionData help() {
        return ActionData.of(Verb.HELP);
    }

    /** The views {@code actor} may open, the first (usage) titled {@code usageTitle}. */
    public static List<ObjectNode> buttons(Actor actor, String usageTitle) {
        List<ObjectNode> buttons = new ArrayList<>(List.of(Actions.execute(usageTitle, usage())));
        if (actor.may(Action.VIEW_ACTIVE_SESSIONS)) {
            buttons.add(Actions.execute("Active agents", active(null, null, 1)));
        }
        if (actor.may(Action.VIEW_HISTORY)) {
            for (HistoryKind kind : HistoryKind.values()) {
                buttons.add(Actions.execute(kind.title(), history(kind, null, 1)));
            }
        }
        if (actor.may(Action.VIEW_AUDIT)) {
            buttons.add(Actions.execute("Audit log", audit(null, 1)));
        }
        return buttons;
    }

    /** The view this data asks for, or empty when its verb is not a view. */
    public static Optional<LicenseRequest> request(ActionData data) {
        return Verb.of(data.verb()).map(verb -> switch (verb) {
            case USAGE -> new LicenseRequest.Usage();
            case ACTIVE -> active(data);
            case HISTORY -> new LicenseRequest.History(kind(data), since(data), page(data));
            case AUDIT -> new LicenseRequest.Audit(since(data), page(data));
            case HELP -> new LicenseRequest.Help(List.of());
            default -> null;
        });
    }

    /** The Active Agents view the data was sent from (its sort and page), for "Terminate selected". */
    public static LicenseRequest.Active active(ActionData data) {
        return new LicenseRequest.Active(data.param(Param.SORT).map(SessionSort::parse).orElse(null),
                data.param(Param.ORDER).map(SortOrder::parse).orElse(null), page(data));
    }

    private static HistoryKind kind(ActionData data) {
        return parsed("history", data.param(Param.KIND).orElse(""),
                kind -> HistoryKind.valueOf(kind.toUpperCase(Locale.ROOT)),
                "There is no \"%s\" history; try users, sessions or purchases.");
    }

    private static LocalDate since(ActionData data) {
        return parsed("since", data.param(Param.SINCE).orElse(null), LocalDate::parse,
                "\"%s\" is not a date; write it as YYYY-MM-DD.");
    }

    private static int page(ActionData data) {
        return parsed("page", data.param(Param.PAGE).orElse("1"), page -> {
            int number = Integer.parseInt(page);
            if (number < 1) {
                throw new IllegalArgumentException("pages start at 1");
            }
            return number;
        }, "\"%s\" is not a page number; pages start at 1.");
    }

    /** {@code value} (null: absent) read by {@code parse}; what it cannot read is refused, naming it, as if typed. */
    private static <T> T parsed(String field, String value, Function<String, T> parse, String refusal) {
        try {
            return value == null ? null : parse.apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw Refusal.invalid(field, refusal.formatted(value));
        }
    }
}
