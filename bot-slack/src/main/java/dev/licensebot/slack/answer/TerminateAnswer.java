package dev.licensebot.slack.answer;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.sessions.TerminationPlan;
import dev.licensebot.slack.blocks.TerminationBlocks;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.reply.Reply;

import java.util.List;

/** `terminate ID…` and Terminate selected: the core's plan, shown for Confirm or Cancel. */
public final class TerminateAnswer implements Conversation.Answer<LicenseRequest.Terminate> {

    private final LicenseCore core;

    public TerminateAnswer(LicenseCore core) {
        this.core = core;
    }

    @Override
    public void answer(LicenseRequest.Terminate request, Asker asker, Reply reply) {
        reply.show(TerminationBlocks.plan(plan(asker, request.sessionIds())));
    }

    public TerminationPlan plan(Asker asker, List<String> sessionIds) {
        return core.terminations().request(asker.tenant(), asker.actor(), sessionIds);
    }
}
