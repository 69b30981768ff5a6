package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.paging.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Previous/Next buttons and the "page 2 of 5" line of a paged list. */
final class Paging {

    private Paging() {
    }

    /** {@code at} builds the data that shows a given page with everything else unchanged. */
    static List<ObjectNode> buttons(Page<?> page, IntFunction<ActionData> at) {
        List<ObjectNode> buttons = new ArrayList<>();
        if (page.hasPrevious()) {
            buttons.add(Actions.execute("◀ Previous", at.apply(page.page() - 1)));
        }
        if (page.hasNext()) {
            buttons.add(Actions.execute("Next ▶", at.apply(page.page() + 1)));
        }
        return buttons;
    }

    static String position(Page<?> page) {
        return "page " + page.page() + " of " + page.totalPages();
    }
}
