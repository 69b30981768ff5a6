package dev.licensebot.teams.conversation;

/** What a person is told when something failed on our side; the details are in the log. */
final class Apology {

    static final String SENTENCE = "Sorry, something went wrong on my side and nothing was changed. "
            + "Please try again in a moment; if it keeps happening, tell your licensebot operator.";

    private Apology() {
    }
}
