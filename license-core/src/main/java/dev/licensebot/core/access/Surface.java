package dev.licensebot.core.access;

/** Where a request came from; recorded in the audit log. */
public enum Surface {
    SLACK("in Slack"), TEAMS("in Microsoft Teams"), API("through the REST API"), CLI("at the command line");

    private final String where;

    Surface(String where) {
        this.where = where;
    }

    /** Completes "confirmed by ann@example.com …" for people. */
    public String where() {
        return where;
    }
}
