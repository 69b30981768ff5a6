package dev.licensebot.teams.card;

/** The names of a button's parameters, as they travel beside its verb. */
public enum Param {
    SORT("sort"),
    ORDER("order"),
    PAGE("page"),
    KIND("kind"),
    SINCE("since"),
    CONFIRMATION("confirmationId"),
    INCIDENT("incidentId"),
    /** An alert's button: one of the core's IncidentAction names. */
    ALERT_ACTION("alertAction"),
    /** Row toggles of the Active Agents list are named select-0, select-1, …; their value is the session id. */
    SELECT("select-");

    private final String wire;

    Param(String wire) {
        this.wire = wire;
    }

    /** As it travels in a button's data (for {@link #SELECT}, the start of each toggle's name). */
    public String wire() {
        return wire;
    }
}
