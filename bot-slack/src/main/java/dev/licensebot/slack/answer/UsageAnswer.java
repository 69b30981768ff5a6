package dev.licensebot.slack.answer;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.slack.blocks.UsageBlocks;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.reply.Reply;
import dev.licensebot.slack.reply.SlackMessage;

/** `usage` and the bare command: both pools' figures and graphs from the core. */
public final class UsageAnswer implements Conversation.Answer<LicenseRequest.Usage> {

    private final LicenseCore core;
    private final ChartImages charts;

    public UsageAnswer(LicenseCore core, ChartImages charts) {
        this.core = core;
        this.charts = charts;
    }

    @Override
    public void answer(LicenseRequest.Usage request, Asker asker, Reply reply) {
        reply.show(message(asker));
    }

    public SlackMessage message(Asker asker) {
        return UsageBlocks.render(core.usage().overview(asker.tenant(), asker.actor()), asker.actor(), charts);
    }
}
