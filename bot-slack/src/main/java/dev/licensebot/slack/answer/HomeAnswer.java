package dev.licensebot.slack.answer;

import dev.licensebot.core.access.Action;
import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.slack.blocks.UsageBlocks;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.reply.SlackMessage;

import java.util.Optional;

/** The Home tab's content for someone (Slack only): usage, and the oldest sessions if they may see them. */
public record HomeAnswer(UsageReport usage, ActiveSessions activeSessions, ChartImages charts) {

    /** The oldest five sessions: the full list is one button away. */
    private static final ActiveSessions.Query OLDEST = new ActiveSessions.Query(SessionSort.START, SortOrder.ASC,
            new PageRequest(1, 5));

    /**
     * The tab as a message's blocks, published by {@link dev.licensebot.slack.reply.HomeReply}. It
     * holds far fewer than a message's 50 blocks, so the usual message checks and fallbacks apply.
     */
    public SlackMessage message(Caller caller) {
        UsageOverview overview = usage.overview(caller.tenant(), caller.actor());
        // A supervisor's Home shows usage only; the list is for those the core would show it to.
        Optional<ActiveSessions.View> oldest = caller.actor().may(Action.VIEW_ACTIVE_SESSIONS)
                ? Optional.of(activeSessions.list(caller.tenant(), caller.actor(), OLDEST))
                : Optional.empty();
        return SlackMessage.ephemeral("licensebot Home",
                UsageBlocks.home(caller.tenant(), caller.actor(), overview, oldest, charts));
    }
}
