package dev.licensebot.server.console;

import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.paging.Page;

import java.util.function.IntFunction;

/** The list shown last, so `next` and `prev` can ask for its neighbouring pages with the same words. */
record Pager(Page<?> page, IntFunction<LicenseRequest> at) {

    /** The request for the next page, or null on the last one. */
    LicenseRequest next() {
        return page.hasNext() ? at.apply(page.page() + 1) : null;
    }

    /** The request for the previous page (the last one when past the end), or null on the first. */
    LicenseRequest previous() {
        return page.hasPrevious() ? at.apply(Math.min(page.page() - 1, page.totalPages())) : null;
    }

    String position() {
        return "page " + page.page() + " of " + page.totalPages();
    }

    /** "Page 1 of 3: type next for more." and the like, or nothing for a single page. */
    String hint() {
        if (page.totalPages() <= 1 && page.page() == 1) {
            return "";
        }
        String more = page.hasNext() ? "next" : null;
        String back = page.hasPrevious() ? "prev" : null;
        String words = more != null && back != null ? "next or prev" : more != null ? "next" : back;
        return "Page " + page.page() + " of " + page.totalPages() + (words == null ? "." : ": type " + words + ".");
    }
}
