package dev.licensebot.core.sessions;

/** An interaction the agent has open, and how many instances of it. */
public record OpenInteraction(String name, int instances) {

    /** "Chat ×2", or just "Email" for one instance. */
    public String label() {
        return instances == 1 ? name : name + " ×" + instances;
    }
}
