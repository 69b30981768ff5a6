package dev.licensebot.server.console;

/**
 * What an answer prints, and what the next line typed may continue: the confirmation waiting for
 * "yes", or a list that `next` and `prev` page through. Either may be null.
 */
record Reply(String text, String confirmationId, Pager pager) {

    static Reply text(String text) {
        return new Reply(text, null, null);
    }

    static Reply paged(String text, Pager pager) {
        return new Reply(text, null, pager);
    }
}
