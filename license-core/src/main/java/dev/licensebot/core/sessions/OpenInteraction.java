package dev.licensebot.core.sessions;

/** An interaction the agent has open, and how many instances of it. */
public record OpenInteraction(String name, int instances) {
}
