package dev.licensebot.core.alerts;

/** The buttons of a live incident's message, besides Active agents (which asks the usual question). */
public enum IncidentAction {
    ACKNOWLEDGE("Acknowledge"), SNOOZE_HOUR("Snooze 1 hour"), SNOOZE_TOMORROW("Snooze until tomorrow");

    private final String label;

    IncidentAction(String label) {
        this.label = label;
    }

    /** The button's label, the same on every surface. */
    public String label() {
        return label;
    }
}
