package dev.licensebot.teams.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.DeliveryOutcome;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.teams.card.DigestCard;
import dev.licensebot.core.alerts.IncidentAction;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.core.chat.ChatConversation;
import dev.licensebot.core.chat.ChatConversations;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.testing.AdaptiveCards;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.transport.BotFrameworkGateway;

import java.net.ServerSocket;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Teams poster against the fake Bot Connector: where it writes (the remembered conversation's
 * service URL), the digest's card, and every answer of Teams as an outcome, never an exception.
 */
class TeamsAlertPosterTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private record Setup(FakeTeamsConnector connector, ChatConversations conversations, TeamsAlertPoster poster,
                         AlertPlace place) implements AutoCloseable {

        static Setup on(TestDatabase db) {
            TestCore t = TestCore.on(db);
            FakeTeamsConnector connector = FakeTeamsConnector.start();
            ChatConversations conversations = t.core().chatConversations();
            BotFrameworkGateway gateway = new BotFrameworkGateway(TeamsSettings.open(), turn -> { });
            AlertPlace place = new AlertPlace(Surface.TEAMS, "entra-" + UUID.randomUUID(),
                    "19:ops-" + UUID.randomUUID() + "@thread.v2", "Ops");
            return new Setup(connector, conversations, new TeamsAlertPoster(gateway.proactive(), conversations, t.core().charts()),
                    place);
        }

        Setup remembered(String serviceUrl) {
            conversations.remember(new ChatConversation(Surface.TEAMS, place.channel(), place.workspace(),
                    serviceUrl, ChatConversation.Scope.GROUP_CHAT, null, "29:ann",
                    Instant.parse(TestCore.DEFAULT_START)));
            return this;
        }

        Setup remembered() {
            return remembered(connector.serviceUrl());
        }

        @Override
        public void close() {
            connector.close();
        }
    }

    private static IncidentNotice notice() {
        return new IncidentNotice("i-1", Pool.SESSION, true, "Session licenses at 90 %: 9 of 10 in use",
                List.of("Peak 9 of 10 · since 09:00 CET"), List.of(IncidentAction.values()), 1);
    }

    @OnBothDatabases
    void theDigestIsTheDigestAnswersCardWithItsGraphsAndNoButtons(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(10, 40);
        Digest digest = t.core().digests().weeklyFor(tenant, t.clock().instant());
        try (Setup s = Setup.on(db).remembered()) {
            DeliveryOutcome outcome = s.poster().postDigest(s.place(), digest);

            FakeTeamsConnector.Sent sent = s.connector().sent().get(0);
            assertEquals(new DeliveryOutcome.Delivered(sent.answeredId()), outcome);
            assertEquals(s.place().channel(), sent.conversationId());
            JsonNode card = sent.activity().path("attachments").path(0).path("content");
            AdaptiveCards.assertValid(card);
            assertEquals(JSON.valueToTree(DigestCard.of(digest, t.core().charts(), null)), card);
            assertTrue(card.toString().contains("data:image/png;base64,"), "the 30-day graphs");
            assertFalse(AdaptiveCards.hasButtons(card), "a digest is only read");
        }
    }

    @OnBothDatabases
    void itCanPostOnlyWhereTheBotWasAddedInThatOrganization(TestDatabase db) {
        try (Setup s = Setup.on(db)) {
            assertEquals(Optional.of(TeamsAlertPoster.NOT_ADDED), s.poster().cannotPost(s.place()));

            s.remembered();
            assertEquals(Optional.empty(), s.poster().cannotPost(s.place()));
            AlertPlace otherOrganization = new AlertPlace(Surface.TEAMS, "entra-other", s.place().channel(), "Ops");
            assertEquals(Optional.of(TeamsAlertPoster.NOT_ADDED), s.poster().cannotPost(otherOrganization));
            assertInstanceOf(DeliveryOutcome.Gone.class, s.poster().post(otherOrganization, notice()));
            assertEquals(List.of(), s.connector().sent(), "nothing was sent to another organization's chat");
        }
    }

    @OnBothDatabases
    void aForgottenConversationIsGoneWithoutAskingTeams(TestDatabase db) {
        try (Setup s = Setup.on(db).remembered()) {
            s.conversations().forget(Surface.TEAMS, s.place().channel(), null);

            assertEquals(new DeliveryOutcome.Gone(TeamsAlertPoster.REMOVED),
                    s.poster().update(s.place(), "sent-1", notice()));
            assertEquals(0, s.connector().requests());
        }
    }

    @OnBothDatabases
    void teamsAnswersBecomeOutcomes(TestDatabase db) {
        try (Setup s = Setup.on(db).remembered()) {
            s.connector().answerNextActivity(429, "7");
            s.connector().answerNextActivity(429, null);
            s.connector().answerNextActivity(404, null);
            s.connector().answerNextActivity(400, null);

            assertEquals(Duration.ofSeconds(7),
                    ((DeliveryOutcome.RetryAfter) s.poster().post(s.place(), notice())).after());
            assertEquals(TeamsAlertPoster.DEFAULT_RETRY,
                    ((DeliveryOutcome.RetryAfter) s.poster().update(s.place(), "sent-1", notice())).after());
            assertEquals(new DeliveryOutcome.Gone(TeamsAlertPoster.REMOVED), s.poster().post(s.place(), notice()));
            assertEquals(new DeliveryOutcome.Failed("Teams answered with an error (HTTP 400)"),
                    s.poster().post(s.place(), notice()));
            assertEquals(new DeliveryOutcome.Delivered("sent-1"), s.poster().update(s.place(), "sent-1", notice()));
        }
    }

    @OnBothDatabases
    void aConnectorThatCannotBeReachedIsAFailureToTryAgain(TestDatabase db) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Setup s = Setup.on(db).remembered("http://127.0.0.1:" + closedPort + "/")) {
            assertEquals(new DeliveryOutcome.Failed("Teams could not be reached"),
                    s.poster().post(s.place(), notice()));
        }
    }
}
