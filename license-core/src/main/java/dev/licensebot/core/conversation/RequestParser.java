package dev.licensebot.core.conversation;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.tenant.Pool;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns "/licenses active sort agent desc page 2" or "@bot show me who is online" into a
 * {@link LicenseRequest}. Forgiving about case, plurals, filler words, word order and a leading
 * mention; strict about values (a bad date or page is refused, naming it).
 */
public final class RequestParser {

    private static final Pattern MENTION = Pattern.compile("^\\s*(<@[^>]+>|<at>.*?</at>|@\\S+)\\s*");
    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final Set<String> FILLER = Set.of("show", "me", "the", "please", "list", "all", "of", "get", "what",
            "is", "are", "who", "a", "an", "my", "current", "licence", "licences", "license", "licenses", "by",
            "for", "view", "see", "and", "in", "with");

    private static final Set<String> TERMINATE_FILLER = Set.of("session", "sessions", "the", "please", "and");

    private RequestParser() {
    }

    public static LicenseRequest parse(String text) {
        Words words = Words.of(MENTION.matcher(text == null ? "" : text).replaceFirst(""));
        if (words.isEmpty()) {
            return new LicenseRequest.Usage();
        }
        if (words.takeAny("help", "?")) {
            return new LicenseRequest.Help(List.of());
        }
        if (words.takeAny("terminate", "end", "kill", "logout")) {
            return new LicenseRequest.Terminate(words.remainingOriginal().stream()
                    .filter(w -> !TERMINATE_FILLER.contains(w.toLowerCase(Locale.ROOT))).toList());
        }
        if (words.takeAny("replenish", "add", "remove", "buy")) {
            return replenish(words);
        }
        if (words.takeAny("alerts", "alert", "alerting")) {
            return AlertWords.parse(words);
        }
        if (words.takeAny("audit")) {
            words.takeAny("log", "trail");
            LocalDate since = since(words);
            return unknownOr(words, new LicenseRequest.Audit(since, page(words)));
        }
        if (words.takeAny("digest", "weekly", "week")) {
            words.takeAny("digest", "weekly", "week", "report");
            return unknownOr(words, new LicenseRequest.Digest());
        }
        if (words.takeAny("history", "histories", "purchases", "purchase")) {
            return history(words);
        }
        if (words.takeAny("active", "agents", "agent", "online", "connected", "sessions")) {
            return active(words);
        }
        if (words.takeAny("usage", "status", "summary")) {
            return unknownOr(words, new LicenseRequest.Usage());
        }
        return unknownOr(words, new LicenseRequest.Usage());
    }

    private static LicenseRequest active(Words words) {
        SessionSort sort = null;
        if (words.takeAny("sort", "sorted", "order", "ordered")) {
            sort = SessionSort.parse(words.next("sort", "Sort by agent, start or interactions."));
        }
        // After the sort, so that "sort agent" keeps its value.
        words.takeAny("active", "agents", "agent", "online", "connected", "sessions");
        SortOrder order = words.takeAny("asc", "ascending") ? SortOrder.ASC
                : words.takeAny("desc", "descending") ? SortOrder.DESC : null;
        int page = page(words);
        return unknownOr(words, new LicenseRequest.Active(sort, order, page));
    }

    private static LicenseRequest history(Words words) {
        LicenseRequest.HistoryKind kind = words.consumed("purchases") || words.consumed("purchase")
                || words.takeAny("purchases", "purchase", "replenishments", "replenishment")
                ? LicenseRequest.HistoryKind.PURCHASES
                : words.takeAny("users", "user") ? LicenseRequest.HistoryKind.USERS
                : words.takeAny("sessions", "session") ? LicenseRequest.HistoryKind.SESSIONS : null;
        words.takeAny("history", "histories");
        if (kind == null) {
            throw Refusal.invalid("history", "Which history? Try `history users`, `history sessions` or "
                    + "`history purchases`.");
        }
        boolean wide = words.takeAny("wide", "full");
        LocalDate since = since(words);
        int page = page(words);
        return unknownOr(words, new LicenseRequest.History(kind, since, page, wide));
    }

    private static LocalDate since(Words words) {
        if (!words.takeAny("since", "from")) {
            return null;
        }
        String date = words.next("since", "Give the date as YYYY-MM-DD, e.g. since 2026-03-01.");
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("since", "\"" + date + "\" is not a date; write it as YYYY-MM-DD.");
        }
    }

    private static LicenseRequest replenish(Words words) {
        boolean removing = words.consumed("remove");
        String amount = words.takeMatching(SIGNED_NUMBER);
        if (amount == null) {
            throw Refusal.invalid("delta", "How many? Try `replenish +10 session PO 4711` or `replenish -5 user`.");
        }
        int delta = parseDelta(amount, removing);
        Pool pool = words.takeAny("session", "sessions") ? Pool.SESSION
                : words.takeAny("user", "users") ? Pool.USER : null;
        if (pool == null) {
            throw Refusal.invalid("pool", "Which licenses: session or user? Try `replenish +10 session`.");
        }
        words.takeAny("licenses", "license", "licences", "licence");
        words.takeAny("because", "reason", "for");
        String reason = String.join(" ", words.remainingOriginal());
        return new LicenseRequest.Replenish(delta, pool, reason.isBlank() ? null : reason);
    }

    private static int parseDelta(String amount, boolean removing) {
        try {
            int value = Integer.parseInt(amount);
            return removing && value > 0 ? -value : value;
        } catch (NumberFormatException e) {
            throw Refusal.invalid("delta", "\"" + amount + "\" is too large a number.");
        }
    }

    private static int page(Words words) {
        if (!words.takeAny("page", "p")) {
            return 1;
        }
        String value = words.next("page", "Give the page as a number, e.g. page 2.");
        try {
            int page = Integer.parseInt(value);
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below, which names the value
        }
        throw Refusal.invalid("page", "\"" + value + "\" is not a page number; pages start at 1.");
    }

    /** The request, unless words are left that meant nothing: then help that names them. */
    static LicenseRequest unknownOr(Words words, LicenseRequest request) {
        List<String> unknown = new ArrayList<>();
        for (String word : words.remainingOriginal()) {
            if (!FILLER.contains(word.toLowerCase(Locale.ROOT))) {
                unknown.add(word);
            }
        }
        return unknown.isEmpty() ? request : new LicenseRequest.Help(unknown);
    }
}
