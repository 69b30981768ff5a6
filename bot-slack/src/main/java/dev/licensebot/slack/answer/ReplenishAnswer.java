package dev.licensebot.slack.answer;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.replenish.ReplenishPlan;
import dev.licensebot.slack.blocks.ReplenishBlocks;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.reply.Reply;

/** `replenish +N|-N session|user [reason]`: the core checks the role and the totals, then asks to confirm. */
public final class ReplenishAnswer implements Conversation.Answer<LicenseRequest.Replenish> {

    private final LicenseCore core;

    public ReplenishAnswer(LicenseCore core) {
        this.core = core;
    }

    @Override
    public void answer(LicenseRequest.Replenish request, Asker asker, Reply reply) {
        ReplenishPlan plan = core.replenishments().request(asker.tenant(), asker.actor(), request.pool(),
                request.delta(), request.reason());
        reply.show(ReplenishBlocks.plan(plan, asker.tenant().zone()));
    }
}
