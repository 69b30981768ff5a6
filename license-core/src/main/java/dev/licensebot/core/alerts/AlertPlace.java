package dev.licensebot.core.alerts;

import dev.licensebot.core.access.Surface;

import java.util.Objects;

/**
 * A chat place alerts can go to, and where someone typed "alerts on": a Slack channel of a
 * workspace, or a Teams conversation of an organization.
 *
 * @param workspace the platform's id of the workspace or organization (Slack team id, Entra tenant id)
 * @param channel   the platform's id of the channel or conversation
 * @param name      how people know it ("#ops"); null when the platform did not say
 */
public record AlertPlace(Surface surface, String workspace, String channel, String name) {

    public AlertPlace {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channel, "channel");
    }

    /** "#ops", or "this conversation" when the platform gave no name. */
    public String shown() {
        return name == null || name.isBlank() ? "this conversation" : name;
    }

    public boolean isSame(AlertPlace other) {
        return other != null && surface == other.surface && channel.equals(other.channel);
    }
}
