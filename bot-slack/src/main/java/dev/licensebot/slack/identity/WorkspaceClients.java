package dev.licensebot.slack.identity;

import com.slack.api.methods.MethodsClient;

/**
 * The Web API client of one workspace: its own bot token, never another workspace's. One
 * workspace (SLACK_BOT_TOKEN): always the same client; through OAuth: the stored installation's.
 */
@FunctionalInterface
public interface WorkspaceClients {

    /** {@code enterpriseId} null when the workspace is in no Enterprise Grid organization. */
    MethodsClient of(String enterpriseId, String teamId);
}
