package dev.licensebot.slack.alerts;

import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.digest.PoolDigest;
import dev.licensebot.core.usage.PoolUsage;
import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.slack.blocks.DigestBlocks;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.chart.ChartLinks;
import dev.licensebot.slack.chart.LinkedCharts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.DeliveryOutcome;
import dev.licensebot.core.alerts.IncidentAction;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.slack.testing.BlockKit;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the poster sends to Slack, and what each of Slack's answers becomes for the core. */
class SlackAlertPosterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChartImages NO_GRAPHS = (trend, altText) -> Optional.empty();
    private static final AlertPlace OPS = SlackPlaces.of(null, "T1", "C1", "ops");
    private static final IncidentNotice NOTICE = new IncidentNotice("i-1", Pool.SESSION, true,
            "Session licenses at 80 %: 16 of 20 in use", List.of("Peak 16 of 20 · since 09:00 CET"),
            List.of(IncidentAction.ACKNOWLEDGE, IncidentAction.SNOOZE_HOUR), 1);

    private FakeSlack slack;
    private SlackAlertPoster poster;

    @BeforeEach
    void start() {
        slack = FakeSlack.start();
        poster = posterAt(slack.apiUrl());
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    private static SlackAlertPoster posterAt(String apiUrl) {
        return posterAt(apiUrl, NO_GRAPHS);
    }

    private static SlackAlertPoster posterAt(String apiUrl, ChartImages charts) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        Slack sdk = Slack.getInstance(config);
        return new SlackAlertPoster((enterpriseId, teamId) -> sdk.methods(FakeSlack.BOT_TOKEN), charts);
    }

    private static JsonNode message(FakeSlack.Call call) {
        ObjectNode message = JSON.createObjectNode().put("text", call.form().get("text"));
        message.set("blocks", call.formJson("blocks"));
        BlockKit.assertValidMessage(message);
        return message;
    }

    @Test
    void aNewIncidentIsPostedAndItsTsIsTheMessageRef() {
        DeliveryOutcome outcome = poster.post(OPS, NOTICE);

        assertEquals(new DeliveryOutcome.Delivered(slack.tsPostedIn("C1").get(0)), outcome);
        String text = Texts.of(message(slack.postedIn("C1").get(0)));
        assertTrue(text.contains("Session licenses at 80 %: 16 of 20 in use") && text.contains("Peak 16 of 20")
                && text.contains("Active agents") && text.contains("Acknowledge") && text.contains("Snooze 1 hour"),
                text);
    }

    @Test
    void anUpdateOfADeletedMessagePostsANewOneThatLaterUpdatesFind() {
        slack.deleteMessagesIn("C1");

        DeliveryOutcome outcome = poster.update(OPS, "1773130000.000001", NOTICE);

        assertEquals(1, slack.updatedIn("C1").size());
        assertEquals(new DeliveryOutcome.Delivered(slack.tsPostedIn("C1").get(0)), outcome);
    }

    @Test
    void theWeeklyDigestIsPostedAsTheDigestAnswerDrawsItGraphsIncluded() {
        ChartImages linked = new LinkedCharts(new ChartLinks("https://licensebot.example", ChartLinks.deriveKey("k"),
                Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneId.of("Europe/Berlin"))));
        SlackAlertPoster withGraphs = posterAt(slack.apiUrl(), linked);
        Digest digest = digest();

        assertInstanceOf(DeliveryOutcome.Delivered.class, withGraphs.postDigest(OPS, digest));

        JsonNode posted = message(slack.postedIn("C1").get(0));
        assertEquals(DigestBlocks.render(digest, linked).blocks().size(), posted.path("blocks").size());
        List<String> types = new ArrayList<>();
        posted.path("blocks").forEach(block -> types.add(block.path("type").asText()));
        assertTrue(types.contains("image"), types::toString);
        assertTrue(posted.toString().contains("https://licensebot.example/"), posted::toString);
        assertTrue(Texts.of(posted).contains("7 were never needed"), () -> Texts.of(posted));
    }

    /** A week of a pool of 25 whose peak never passed 18. */
    private static Digest digest() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        ZoneId zone = ZoneId.of("Europe/Berlin");
        PoolUsage figures = new PoolUsage(Pool.SESSION, 7, 25, new BigDecimal("12.0"), 18, today.minusDays(1), 0);
        List<UsageTrend.Day> days = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            days.add(new UsageTrend.Day(today.minusDays(i), i % 7 == 0 ? 18 : 10, 0, true));
        }
        UsageTrend trend = new UsageTrend("t", figures, zone, today, days);
        return new Digest("t", zone, today.minusDays(7), today, Instant.parse("2026-03-10T08:00:00Z"),
                List.of(new PoolDigest(Pool.SESSION, 25, 18, today.minusDays(1), 0, null, null,
                        "At most 18 of 25 session licenses were in use on any day of the last 30: 7 were never needed.",
                        trend)));
    }

    @Test
    void aRemovedBotAnArchivedChannelAndAnUninstalledAppAreGoneInTheAdminsWords() {
        assertGone("not_in_channel", "the bot was removed from #ops");
        assertGone("is_archived", "#ops was archived");
        assertGone("channel_not_found", "#ops no longer exists, or licensebot cannot see it");
        assertGone("account_inactive", "licensebot was uninstalled from the workspace");
        assertGone("token_revoked", "licensebot was uninstalled from the workspace");
        assertGone("invalid_auth", "licensebot was uninstalled from the workspace");
        assertGone("missing_scope", "licensebot lacks the Slack permission channels:read (reinstall the app)");
    }

    private void assertGone(String error, String reason) {
        slack.channelError("C1", error);
        assertEquals(new DeliveryOutcome.Gone(reason), poster.post(OPS, NOTICE), error);
        assertEquals(new DeliveryOutcome.Gone(reason), poster.update(OPS, "1.1", NOTICE), error);
    }

    @Test
    void aWorkspaceWithoutItsInstallationAnymoreIsGone() {
        SlackAlertPoster uninstalled = new SlackAlertPoster((enterpriseId, teamId) -> {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "workspace_not_installed", "not installed");
        }, NO_GRAPHS);

        assertEquals(new DeliveryOutcome.Gone("licensebot was uninstalled from the workspace"),
                uninstalled.post(OPS, NOTICE));
        assertEquals(Optional.of("Licensebot was uninstalled from the workspace."), uninstalled.cannotPost(OPS));
    }

    @Test
    void aRateLimitWaitsForRetryAfterAndAnythingElseIsTriedAgainLater() throws IOException {
        slack.rateLimit("chat.postMessage", 1, 42);
        assertEquals(new DeliveryOutcome.RetryAfter(Duration.ofSeconds(42), "Slack rate-limited chat.postMessage"),
                poster.post(OPS, NOTICE));

        slack.channelError("C1", "ratelimited");
        assertInstanceOf(DeliveryOutcome.RetryAfter.class, poster.post(OPS, NOTICE));
        slack.channelError("C1", "internal_error");
        assertEquals(new DeliveryOutcome.Failed("Slack refused chat.postMessage: internal_error"),
                poster.post(OPS, NOTICE));

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertInstanceOf(DeliveryOutcome.Failed.class, posterAt("http://127.0.0.1:" + closed + "/api/")
                .post(OPS, NOTICE));
    }

    @Test
    void alertsCanGoWhereTheBotIsAMemberAndElsewhereItSaysHowToFixIt() {
        assertEquals(Optional.empty(), poster.cannotPost(OPS));

        slack.withoutBot("C1");
        assertEquals(Optional.of("invite the bot first: /invite @licensebot in #ops."), poster.cannotPost(OPS));
        slack.channelError("C1", "channel_not_found");
        assertEquals(Optional.of("invite the bot first: /invite @licensebot in #ops."), poster.cannotPost(OPS),
                "a private channel the bot is not in does not exist for it");
        slack.channelError("C1", "missing_scope");
        assertEquals(Optional.of("Licensebot lacks the Slack permission channels:read (reinstall the app)."),
                poster.cannotPost(OPS));
    }

    @Test
    void aDirectMessageIsNoPlaceForAlertsAndTheAnswerSaysWhereToTypeItInstead() {
        AlertPlace dm = SlackPlaces.of(null, "T1", "D1", "directmessage");

        assertEquals(Optional.of(SlackAlertPoster.DIRECT_MESSAGES), poster.cannotPost(dm));
        assertEquals("this conversation", dm.shown());
    }

    @Test
    void aChannelIsAPlaceOfItsWorkspaceOrOfItsOrganizationsWorkspace() {
        assertEquals(new SlackPlaces.Workspace(null, "T1"), SlackPlaces.workspaceOf(OPS));
        AlertPlace grid = SlackPlaces.of("E1", "T2", "C2", "privategroup");
        assertEquals(new SlackPlaces.Workspace("E1", "T2"), SlackPlaces.workspaceOf(grid));
        assertEquals("this conversation", grid.shown());
    }
}
