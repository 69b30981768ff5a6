package dev.licensebot.slack;

import dev.licensebot.core.access.ChatIdentity;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.conversation.Conversation;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.chart.UsageCharts;

/**
 * What the Slack app uses of the core: the conversation for every request and press, who asks,
 * the role check before a form opens, usage and the oldest sessions for the Home tab, the graphs
 * to upload, and the metrics its interactions are counted in.
 */
public record SlackUseCases(Conversation conversation, ChatIdentity identity, Operators operators,
                            UsageReport usage, ActiveSessions activeSessions, UsageCharts charts,
                            LicenseMetrics metrics) {
}
