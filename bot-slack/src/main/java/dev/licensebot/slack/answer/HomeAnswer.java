package dev.licensebot.slack.answer;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.slack.blocks.HomeBlocks;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.reply.SlackMessage;

import java.util.Optional;

/** The Home tab's content for someone: usage, and the oldest sessions if they may see them. */
public final class HomeAnswer {

    private static final ActiveSessions.Query OLDEST = new ActiveSessions.Query(SessionSort.START, SortOrder.ASC,
            new PageRequest(1, HomeBlocks.OLDEST_SESSIONS));

    private final LicenseCore core;
    private final ChartImages charts;

    public HomeAnswer(LicenseCore core, ChartImages charts) {
        this.core = core;
        this.charts = charts;
    }

    /**
     * The tab as a message's blocks, published by {@link dev.licensebot.slack.reply.HomeReply}. It
     * holds far fewer than a message's 50 blocks, so the usual message checks and fallbacks apply.
     */
    public SlackMessage message(Asker asker) {
        UsageOverview usage = core.usage().overview(asker.tenant(), asker.actor());
        // A supervisor's Home shows usage only; the list is for those the core would show it to.
        Optional<ActiveSessions.View> oldest = asker.actor().may(Action.VIEW_ACTIVE_SESSIONS)
                ? Optional.of(core.activeSessions().list(asker.tenant(), asker.actor(), OLDEST))
                : Optional.empty();
        return SlackMessage.ephemeral("licensebot Home",
                HomeBlocks.render(asker.tenant(), asker.actor(), usage, oldest, charts));
    }
}
