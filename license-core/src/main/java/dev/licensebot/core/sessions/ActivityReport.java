package dev.licensebot.core.sessions;

import java.util.List;

/** A heartbeat: what the agent has open now, and the conversation count so far (optional). */
public record ActivityReport(List<OpenInteraction> openInteractions, Integer conversations) {

    public ActivityReport {
        openInteractions = openInteractions == null ? List.of() : List.copyOf(openInteractions);
    }
}
