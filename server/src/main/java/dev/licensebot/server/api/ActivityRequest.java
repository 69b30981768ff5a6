package dev.licensebot.server.api;

import dev.licensebot.core.sessions.ActivityReport;

import java.util.List;

/** The body of a heartbeat: what the agent has open now and, optionally, the conversation count. */
public record ActivityRequest(List<InteractionJson> openInteractions, Integer conversations) {

    ActivityReport toReport() {
        return new ActivityReport(ApiInput.interactions(openInteractions), conversations);
    }
}
