package dev.licensebot.slack.reply;

/**
 * One thing a person did in Slack: what kind of thing (the command, the button's action id, the
 * form or event: our own names, so a bounded set for metrics), in which workspace (and Enterprise
 * Grid organization, null when none), who, and where the answer goes.
 */
public record Interaction(String kind, String teamId, String enterpriseId, String userId, Reply reply) {

    /** The same interaction, answered through {@code other}. */
    public Interaction withReply(Reply other) {
        return new Interaction(kind, teamId, enterpriseId, userId, other);
    }
}
