package dev.licensebot.slack.alerts;

import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;

import java.util.Set;

/**
 * A Slack channel as an alert place. Its workspace is the team of the channel, prefixed with its
 * Enterprise Grid organization ("E1/T1") when it has one: an org-wide install keeps its token under
 * the organization, and the subscription alone must find it again on any node.
 */
public final class SlackPlaces {

    private static final String SEPARATOR = "/";
    /** The names Slack gives conversations that have no #name of their own. */
    private static final Set<String> UNNAMED = Set.of("directmessage", "privategroup", "mpdm");

    /** A workspace as the place names it: its organization (null when none) and team. */
    public record Workspace(String enterpriseId, String teamId) {
    }

    private SlackPlaces() {
    }

    /** {@code channelName} as Slack sends it, without "#"; null or a placeholder when it has none. */
    public static AlertPlace of(String enterpriseId, String teamId, String channelId, String channelName) {
        if (teamId == null || channelId == null) {
            return null;
        }
        String workspace = enterpriseId == null || enterpriseId.isBlank() ? teamId
                : enterpriseId + SEPARATOR + teamId;
        String name = channelName == null || channelName.isBlank() || UNNAMED.contains(channelName) ? null
                : "#" + channelName;
        return new AlertPlace(Surface.SLACK, workspace, channelId, name);
    }

    public static Workspace workspaceOf(AlertPlace place) {
        String workspace = place.workspace();
        int at = workspace.indexOf(SEPARATOR);
        return at < 0 ? new Workspace(null, workspace)
                : new Workspace(workspace.substring(0, at), workspace.substring(at + 1));
    }
}
