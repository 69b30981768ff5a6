package dev.licensebot.slack.blocks;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.SessionSort;

/**
 * The Active Agents list a message shows (sort, order, page), carried in its buttons' values so
 * Refresh and paging need no memory on the server: "START.ASC.2".
 */
public record ActiveListState(SessionSort sort, SortOrder order, int page) {

    public static ActiveListState of(ActiveSessions.Query query) {
        return new ActiveListState(query.sort(), query.order(), query.page().page());
    }

    public ActiveSessions.Query query() {
        return new ActiveSessions.Query(sort, order, PageRequest.of(page));
    }

    public ActiveListState withPage(int newPage) {
        return new ActiveListState(sort, order, newPage);
    }

    public String encode() {
        return sort.name() + "." + order.name() + "." + page;
    }

    public static ActiveListState decode(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\.");
        try {
            if (parts.length == 3) {
                return new ActiveListState(SessionSort.valueOf(parts[0]), SortOrder.valueOf(parts[1]),
                        Math.max(1, Integer.parseInt(parts[2])));
            }
        } catch (IllegalArgumentException e) {
            // refused below, with the same sentence as any other garbled value
        }
        throw Refusal.invalid("button", "That button is from an older version of this message; run the command again.");
    }
}
