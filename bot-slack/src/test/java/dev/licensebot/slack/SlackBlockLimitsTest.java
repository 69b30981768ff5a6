package dev.licensebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.SlackFileObject;
import com.slack.api.util.json.GsonFactory;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.confirm.ConfirmAction;
import dev.licensebot.core.confirm.Confirmation;
import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.digest.BusiestHour;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.digest.PoolDigest;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.HelpTopics;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.history.HistoryTables;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.EndReason;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.sessions.TerminationPlan;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.usage.PoolUsage;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.core.usage.UsageSummary;
import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.chart.ChartLinks;
import dev.licensebot.slack.chart.LinkedCharts;
import dev.licensebot.core.users.PlatformUser;
import dev.licensebot.core.users.UserStatus;
import dev.licensebot.core.alerts.AlertsView;
import dev.licensebot.core.alerts.IncidentAction;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.slack.alerts.AlertBlocks;
import dev.licensebot.slack.blocks.ActiveAgentsBlocks;
import dev.licensebot.slack.blocks.AlertsBlocks;
import dev.licensebot.slack.blocks.ConfirmationBlocks;
import dev.licensebot.slack.blocks.DigestBlocks;
import dev.licensebot.slack.blocks.HelpBlocks;
import dev.licensebot.slack.blocks.HistoryPageBlocks;
import dev.licensebot.slack.blocks.Notices;
import dev.licensebot.slack.blocks.SlackDates;
import dev.licensebot.slack.blocks.UsageBlocks;
import dev.licensebot.slack.reply.SlackMessage;
import dev.licensebot.slack.testing.BlockKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worst cases the database would take long to build: every payload stays within Slack's limits. */
class SlackBlockLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
    private static final String LONG = "x".repeat(200);
    private static final Actor ADMIN = new Actor("t", "admin@example.com", Role.ADVANCED_ADMIN, Surface.SLACK);

    private static AgentSession session(int i) {
        List<OpenInteraction> interactions = IntStream.range(0, 30)
                .mapToObj(n -> new OpenInteraction("Interaction <&> " + n + LONG, n + 1)).toList();
        return new AgentSession("t", "s-" + i + "-" + "y".repeat(50), NOW.minusSeconds(3600L * i), StartedBy.AGENT,
                "agent" + i + LONG, "a@example.com", "agent", "Agent " + LONG, "Web widget", 7, 465, interactions,
                NOW, NOW.plusSeconds(1800), i % 2 == 0 ? null : NOW, i % 2 == 0 ? null : EndReason.TERMINATED,
                i % 2 == 0 ? null : "admin@example.com");
    }

    private static List<AgentSession> sessions(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(SlackBlockLimitsTest::session).toList();
    }

    private static JsonNode json(SlackMessage message) {
        return json(message.text(), message.blocks());
    }

    private static JsonNode json(String text, List<LayoutBlock> blocks) {
        try {
            String body = "{\"text\":" + JSON.writeValueAsString(text) + ",\"blocks\":"
                    + GsonFactory.createSnakeCase().toJson(blocks) + "}";
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFullPageOfTheActiveListWithLongNamesStaysWithinEveryLimit() {
        Page<AgentSession> page = new Page<>(sessions(10), 1, 10, 250);
        ActiveSessions.View view = new ActiveSessions.View(page, SessionSort.START, SortOrder.ASC, ZONE, NOW);

        JsonNode message = json(ActiveAgentsBlocks.render(view));

        BlockKit.assertValidMessage(message);
    }

    @Test
    void aConfirmationForTheMostSessionsTheCoreAllowsStaysWithinEveryLimit() {
        Confirmation confirmation = new Confirmation("c-1", "t", "admin@example.com", ConfirmAction.TERMINATE,
                List.of("s-1"), null, null, null, NOW, NOW.plus(Duration.ofMinutes(10)));
        TerminationPlan plan = new TerminationPlan(confirmation, sessions(100), List.of(), List.of("nope"), ZONE, NOW);

        JsonNode message = json(ConfirmationBlocks.terminate(plan));

        BlockKit.assertValidMessage(message);
        assertTrue(message.toString().contains("agent100"), "every session is shown, none dropped");
    }

    @Test
    void everyHistoryTableStaysWithinEveryLimit() {
        List<PlatformUser> users = IntStream.range(0, 10).mapToObj(i -> new PlatformUser("u" + i + LONG, LONG, LONG,
                LONG, LONG, LONG, UserStatus.ACTIVE, NOW, 3)).toList();
        List<Replenishment> purchases = IntStream.range(0, 10).mapToObj(i -> new Replenishment(Pool.SESSION, NOW,
                -5, 10, LONG, LONG)).toList();
        ConversationLinks links = ConversationLinks.of("https://console.example/c?user={userId}&session={sessionId}");
        HistoryTables tables = new HistoryTables(links);
        LocalDate since = LocalDate.of(2026, 3, 1);
        HistoryView<AgentSession> sessionPage = new HistoryView<>(new Page<>(sessions(10), 2, 10, 95), since, ZONE,
                NOW);
        HistoryView<PlatformUser> userPage = new HistoryView<>(new Page<>(users, 1, 10, 10), null, ZONE, NOW);
        HistoryView<Replenishment> purchasePage = new HistoryView<>(new Page<>(purchases, 1, 10, 11), null, ZONE, NOW);
        HistoryView<Replenishment> noPurchases = new HistoryView<>(new Page<>(List.of(), 1, 10, 0), null, ZONE, NOW);
        List<AuditEntry> entries = IntStream.range(0, 10).mapToObj(i -> new AuditEntry(NOW, LONG, Surface.SLACK,
                "TERMINATE", LONG, LONG)).toList();
        HistoryView<AuditEntry> auditPage = new HistoryView<>(new Page<>(entries, 2, 10, 95), since, ZONE, NOW);

        BlockKit.assertValidMessage(json(HistoryPageBlocks.history(new Answer.HistoryPage(
                new LicenseRequest.History(HistoryKind.SESSIONS, since, 2), sessionPage,
                tables.sessions(sessionPage)))));
        BlockKit.assertValidMessage(json(HistoryPageBlocks.history(new Answer.HistoryPage(
                new LicenseRequest.History(HistoryKind.USERS, null, 1), userPage, tables.users(userPage)))));
        BlockKit.assertValidMessage(json(HistoryPageBlocks.history(new Answer.HistoryPage(
                new LicenseRequest.History(HistoryKind.PURCHASES, null, 1), purchasePage,
                tables.purchases(purchasePage)))));
        BlockKit.assertValidMessage(json(HistoryPageBlocks.history(new Answer.HistoryPage(
                new LicenseRequest.History(HistoryKind.PURCHASES, null, 1), noPurchases,
                tables.purchases(noPurchases)))));
        BlockKit.assertValidMessage(json(HistoryPageBlocks.audit(new Answer.AuditPage(
                new LicenseRequest.Audit(since, 2), auditPage, tables.audit(auditPage)))));
    }

    @Test
    void aHistoryTableRightAlignsNumbersWrapsLongTextAndShowsTimesInTheReadersZone() {
        HistoryView<AgentSession> view = new HistoryView<>(new Page<>(sessions(1), 1, 10, 1), null, ZONE, NOW);
        JsonNode table = json(HistoryPageBlocks.history(new Answer.HistoryPage(new LicenseRequest.History(
                HistoryKind.SESSIONS, null, 1), view, new HistoryTables(ConversationLinks.none()).sessions(view))))
                .path("blocks").get(2);

        assertEquals("table", table.path("type").asText());
        JsonNode settings = table.path("column_settings");
        assertEquals("right", settings.get(8).path("align").asText(), "Conversations: " + settings);
        assertTrue(settings.get(9).path("is_wrapped").asBoolean(), "Open interactions: " + settings);
        JsonNode row = table.path("rows").get(1);
        assertEquals("raw_text", row.get(0).path("type").asText());
        assertEquals("date", row.get(2).path("elements").get(0).path("elements").get(0).path("type").asText(),
                row.get(2).toString());
    }

    @Test
    void usageHelpAndTheHomeTabStayWithinEveryLimit() {
        PoolUsage session = new PoolUsage(Pool.SESSION, 7, 20, new BigDecimal("4.2"), 9, LocalDate.of(2026, 3, 4), 2);
        PoolUsage user = new PoolUsage(Pool.USER, 0, 0, new BigDecimal("0.0"), 0, null, 0);
        UsageSummary summary = new UsageSummary(session, user, ZONE, LocalDate.of(2026, 3, 10), NOW);
        UsageOverview usage = new UsageOverview(summary, trend(session), trend(user));
        ChartImages charts = new LinkedCharts(new ChartLinks("https://licensebot.example", ChartLinks.deriveKey("k"),
                Clock.fixed(NOW, ZONE)));
        ChartImages uploaded = (trend, altText) -> Optional.of(ImageBlock.builder()
                .slackFile(SlackFileObject.builder().id("F0123ABCDEF").build()).altText(altText).build());
        Tenant tenant = new Tenant("t", LONG, ZONE, Duration.ofMinutes(30), NOW);
        ActiveSessions.View oldest = new ActiveSessions.View(new Page<>(sessions(5), 1, 5, 40), SessionSort.START,
                SortOrder.ASC, ZONE, NOW);

        BlockKit.assertValidMessage(json(UsageBlocks.render(usage, ADMIN, charts)));
        BlockKit.assertValidMessage(json(UsageBlocks.render(usage, ADMIN, uploaded)));
        BlockKit.assertValidMessage(json(UsageBlocks.render(usage, ADMIN, (trend, altText) -> Optional.empty())));
        BlockKit.assertValidMessage(json(HelpBlocks.render(HelpTopics.forActor(ADMIN),
                Collections.nCopies(300, "gibberish"))));
        List<LayoutBlock> home = UsageBlocks.home(tenant, ADMIN, usage, Optional.of(oldest), charts);
        JsonNode view = json("", home);
        ((com.fasterxml.jackson.databind.node.ObjectNode) view).put("type", "home");
        BlockKit.assertValidHome(view);
    }

    @Test
    void theDigestWithAForecastAndDenialsStaysWithinEveryLimit() {
        PoolUsage session = new PoolUsage(Pool.SESSION, 7, 20, new BigDecimal("14.2"), 19, LocalDate.of(2026, 3, 9), 0);
        PoolUsage user = new PoolUsage(Pool.USER, 40, 40, new BigDecimal("39.0"), 40, LocalDate.of(2026, 3, 9), 12);
        Digest digest = new Digest("t", ZONE, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 10), NOW, List.of(
                new PoolDigest(Pool.SESSION, 20, 19, LocalDate.of(2026, 3, 9), 0, null, LocalDate.of(2026, 3, 21),
                        "At most 19 of 20 session licenses were in use on any day of the last 30: 1 was never needed.",
                        trend(session)),
                new PoolDigest(Pool.USER, 40, 40, LocalDate.of(2026, 3, 9), 12,
                        new BusiestHour(Instant.parse("2026-03-09T09:00:00Z"), 3), null,
                        "12 denials this week: the busiest hour (9 Mar 10:00–11:00) needed 3 more.", trend(user))));
        ChartImages charts = new LinkedCharts(new ChartLinks("https://licensebot.example", ChartLinks.deriveKey("k"),
                Clock.fixed(NOW, ZONE)));
        ChartImages uploaded = (trend, altText) -> Optional.of(ImageBlock.builder()
                .slackFile(SlackFileObject.builder().id("F0123ABCDEF").build()).altText(altText).build());

        BlockKit.assertValidMessage(json(DigestBlocks.render(digest, charts)));
        BlockKit.assertValidMessage(json(DigestBlocks.render(digest, uploaded)));
        BlockKit.assertValidMessage(json(DigestBlocks.render(digest, (trend, altText) -> Optional.empty())));
        assertTrue(json(DigestBlocks.render(digest, charts)).toString()
                .contains("At this trend the session pool is full around 21 Mar."));
    }

    /** Thirty days of a pool, its busiest day at the top. */
    private static UsageTrend trend(PoolUsage figures) {
        LocalDate today = LocalDate.of(2026, 3, 10);
        List<UsageTrend.Day> days = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            days.add(new UsageTrend.Day(today.minusDays(i), i % 7 == 0 ? figures.dailyMax() : 1, i == 6 ? 2 : 0, true));
        }
        return new UsageTrend("t", figures, ZONE, today, days);
    }

    @Test
    void theAlertsAnswerAndAnAlertStayWithinEveryLimitHoweverMuchTheyHold() {
        String longLine = "<#ops> & " + "x".repeat(4000);
        IncidentNotice notice = new IncidentNotice("i-" + "9".repeat(100), Pool.SESSION, true, longLine,
                List.of(longLine, longLine, longLine, longLine), List.of(IncidentAction.values()), 7);
        List<String> many = java.util.Collections.nCopies(60, longLine);
        AlertsView view = new AlertsView(longLine, many, longLine, java.util.Collections.nCopies(30, notice), many);

        BlockKit.assertValidMessage(json(AlertsBlocks.render(view)));
        BlockKit.assertValidMessage(json(AlertBlocks.incident(notice)));
        BlockKit.assertValidMessage(json(AlertsBlocks.render(new AlertsView("Alerts are off in #ops.", List.of(),
                "Watched: …", List.of(), List.of()))));
    }

    @Test
    void aVeryLongRefusalIsCutToOneValidSection() {
        JsonNode message = json(Notices.refusal(Refusal.invalid("x", "No. ".repeat(2000))));

        BlockKit.assertValidMessage(message);
        assertEquals(1, message.path("blocks").size());
    }

    @Test
    void timesShowInTheReadersZoneWithTheTenantsTimeAsFallback() {
        assertEquals("<!date^1773129600^{date_short_pretty} {time}|2026-03-10 09:00 CET>",
                SlackDates.mrkdwn(NOW, ZONE));
    }
}
