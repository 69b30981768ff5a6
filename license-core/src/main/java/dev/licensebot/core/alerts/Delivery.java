package dev.licensebot.core.alerts;

import dev.licensebot.core.access.Surface;

/** One incident's message in one subscription, and how far it has caught up with the incident. */
public record Delivery(String incidentId, String subscriptionId, String tenantId, Surface surface, String messageRef,
                       long deliveredVersion, int attempts) {
}
