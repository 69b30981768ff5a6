package dev.licensebot.slack.answer;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.slack.blocks.UsageBlocks;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.reply.Reply;
import dev.licensebot.slack.reply.SlackMessage;

/** `usage` and the bare command: both pools' figures from the core. */
public final class UsageAnswer implements Conversation.Answer<LicenseRequest.Usage> {

    private final LicenseCore core;

    public UsageAnswer(LicenseCore core) {
        this.core = core;
    }

    @Override
    public void answer(LicenseRequest.Usage request, Asker asker, Reply reply) {
        reply.show(message(asker));
    }

    public SlackMessage message(Asker asker) {
        return UsageBlocks.render(core.usage().summary(asker.tenant(), asker.actor()), asker.actor());
    }
}
