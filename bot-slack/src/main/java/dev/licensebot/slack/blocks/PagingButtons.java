package dev.licensebot.slack.blocks;

import com.slack.api.model.block.element.BlockElement;
import dev.licensebot.core.paging.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** Previous and Next under a paged list, each carrying the request for the page it shows. */
final class PagingButtons {

    private PagingButtons() {
    }

    /** {@code valueOf}: the button value asking for a page. Past the end, Previous goes to the last page. */
    static List<BlockElement> of(Page<?> page, String previousId, String nextId, IntFunction<String> valueOf) {
        List<BlockElement> buttons = new ArrayList<>();
        if (page.hasPrevious()) {
            String previous = valueOf.apply(Math.min(page.page() - 1, page.totalPages()));
            buttons.add(button(b -> b.actionId(previousId).text(plainText("Previous")).value(previous)));
        }
        if (page.hasNext()) {
            String next = valueOf.apply(page.page() + 1);
            buttons.add(button(b -> b.actionId(nextId).text(plainText("Next")).value(next)));
        }
        return buttons;
    }
}
