package dev.licensebot.core.sessions;

public enum EndReason {
    LOGOUT("logged out"), TIMEOUT("timed out"), TERMINATED("terminated");

    private final String label;

    EndReason(String label) {
        this.label = label;
    }

    /** "timed out", for sentences. */
    public String label() {
        return label;
    }
}
