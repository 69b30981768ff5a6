package dev.licensebot.slack.reply;

/** For answers the asker chose to share ("public"): new messages are shown to the whole channel. */
public final class ChannelReply implements Reply {

    private final Reply inner;

    public ChannelReply(Reply inner) {
        this.inner = inner;
    }

    @Override
    public void show(SlackMessage message) {
        inner.show(message.visibleToChannel(true));
    }

    @Override
    public void replace(SlackMessage message) {
        inner.replace(message);
    }
}
