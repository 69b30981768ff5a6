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

    /** "page 2 of 3"; past the end, that there is nothing there and how many pages there are. */
    String position() {
        return pastTheEnd() ? "nothing on page " + page.page() + "; " + pages() : "page " + page.page() + " of "
                + page.totalPages();
    }

    /** For a list's heading: " · page 2 of 3", or nothing past the end, where {@link #nothingHere} says it. */
    String inHeading() {
        return pastTheEnd() ? "" : " · " + position();
    }

    /** The answer on a page past the end: never "page 2 of 1". */
    String nothingHere() {
        return "Nothing on page " + page.page() + ": " + pages() + ". Type prev.";
    }

    private boolean pastTheEnd() {
        return page.page() > page.totalPages();
    }

    private String pages() {
        return page.totalPages() == 1 ? "there is 1 page" : "there are " + page.totalPages() + " pages";
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
