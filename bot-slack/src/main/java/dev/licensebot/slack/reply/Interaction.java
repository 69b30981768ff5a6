package dev.licensebot.slack.reply;

/** One thing a person did in Slack: in which workspace, who, and where the answer goes. */
public record Interaction(String teamId, String userId, Reply reply) {
}
