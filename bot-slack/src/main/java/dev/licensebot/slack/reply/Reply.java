package dev.licensebot.slack.reply;

/** Where an answer goes: a new message, or the message whose button was pressed, updated in place. */
public interface Reply {

    void show(SlackMessage message);

    void replace(SlackMessage message);
}
