package dev.licensebot.slack.answer;

import dev.licensebot.core.conversation.HelpTopics;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.slack.blocks.HelpBlocks;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.reply.Reply;

/** `help` and anything not understood: what this person may ask, naming the unknown words. */
public final class HelpAnswer implements Conversation.Answer<LicenseRequest.Help> {

    @Override
    public void answer(LicenseRequest.Help request, Asker asker, Reply reply) {
        reply.show(HelpBlocks.render(HelpTopics.forActor(asker.actor()), request.unknownWords()));
    }
}
