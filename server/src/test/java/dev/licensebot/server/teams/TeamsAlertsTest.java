package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.testing.AdaptiveCards;
import dev.licensebot.teams.testing.FakeTeamsConnector.Sent;
import dev.licensebot.teams.testing.TeamsActivities;
import dev.licensebot.teams.testing.TeamsActivities.Chat;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.time.Duration;
import java.util.List;

import static dev.licensebot.teams.testing.AdaptiveCards.text;
import static dev.licensebot.teams.testing.TeamsActivities.BOT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alerts in Teams, through remembered conversations: "alerts on" typed in a chat or channel the
 * bot was added to subscribes it; an incident is one activity sent to that conversation's service
 * URL, and every later change updates that very activity.
 */
class TeamsAlertsTest {

    /** A group chat named "Ops" the bot was added to, with an account admin in it. */
    private record Ops(TeamsFixture teams, User admin, Chat chat, TeamsActivities in) {

        static Ops added(TeamsFixture teams) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            Chat chat = Chat.group().named("Ops");
            TeamsActivities in = teams.activities.in(chat);
            TeamsFixture.Exchange added = teams.post(in.membersAdded(admin, BOT_ID));
            assertTrue(added.status() == 200 || added.status() == 202, added.body());
            return new Ops(teams, admin, chat, in);
        }

        JsonNode say(User who, String words) {
            return teams.post(in.message(who, words)).card();
        }

        String sayExpectingText(User who, String words) {
            return teams.post(in.message(who, words)).text();
        }

        /** Subscribed, and the connector's record cleared of the setup's messages. */
        Ops subscribed() {
            assertTrue(text(say(admin, "alerts on")).contains("Alerts are on in Ops"));
            teams.connector.clear();
            return this;
        }

        /** Presses an alert's Action.Submit button as {@code who}: the reply's one text, as people read it. */
        String press(User who, JsonNode card, String title) {
            JsonNode data = AdaptiveCards.submitButton(card, title).path("data");
            return teams.post(in.submit(who, data)).text().replaceAll("\\\\(.)", "$1");
        }

        void open(int sessions) {
            for (int i = 0; i < sessions; i++) {
                teams.openSession(null, "agent-" + i + "-" + System.nanoTime());
            }
        }

        void round() {
            teams.server.core().alerting().round();
        }

        /** What the bot wrote first in the chat, or updated there: not its replies to someone. */
        List<Sent> alerts() {
            return teams.connector.sent().stream()
                    .filter(s -> chat.conversationId().equals(s.conversationId()))
                    .filter(s -> s.method().equals("PUT") || s.path().endsWith("/activities")).toList();
        }

        static JsonNode card(Sent sent) {
            JsonNode card = sent.activity().path("attachments").path(0).path("content");
            AdaptiveCards.assertValid(card);
            return card;
        }
    }

    @OnBothDatabases
    void alertsOnInARememberedGroupChatSubscribesItAuditedAndAlertsShowsIt(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Ops ops = Ops.added(teams);

            String on = text(ops.say(ops.admin(), "alerts on"));
            assertTrue(on.contains("Alerts are on in Ops: it receives this account's license alerts"), on);

            String shown = text(ops.say(ops.admin(), "alerts"));
            assertTrue(shown.contains("Alerts are on in Ops."), shown);
            assertTrue(shown.contains("Ops (Teams): on since"), shown);
            assertTrue(shown.contains("Watched: session licenses at 80 / 90 / 100 %"), shown);
            String audit = text(teams.say(ops.admin(), "audit"));
            assertTrue(audit.contains("ALERTS_ON") && audit.contains("alerts in Ops"), audit);
        }
    }

    @OnBothDatabases
    void alertsOnInAChannelOfATeamTheBotWasAddedToSubscribesThatChannelByName(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            Chat general = Chat.teamChannel();
            teams.post(teams.activities.in(general).installationUpdate(admin, "add"));
            Chat support = general.otherChannel("Support");

            String on = text(teams.post(teams.activities.in(support).message(admin, "alerts on")).card());

            assertTrue(on.contains("Alerts are on in Support"), on);
            String channel = support.conversationId().split(";")[0];
            assertEquals(general.teamId(), teams.server.core().chatConversations().find(Surface.TEAMS, channel)
                    .orElseThrow().teamId(), "the channel is remembered as the team's");
        }
    }

    @OnBothDatabases
    void alertsOnInAChatTheBotWasNeverAddedToIsRefusedWithHowToAddIt(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            TeamsActivities unknown = teams.activities.in(Chat.group().named("Elsewhere"));

            String refusal = teams.post(unknown.message(admin, "alerts on")).text();

            assertTrue(refusal.startsWith("I cannot post in Elsewhere yet: add licensebot to this team or chat first"),
                    refusal);
            String shown = text(teams.post(unknown.message(admin, "alerts")).card());
            assertTrue(shown.contains("Alerts are off in Elsewhere"), shown);
        }
    }

    @OnBothDatabases
    void anIncidentIsOneActivityInTheChatAndAHigherLevelUpdatesThatActivity(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Ops ops = Ops.added(teams).subscribed();
            ops.open(8);
            ops.round();
            ops.round();

            List<Sent> sent = ops.alerts();
            assertEquals(1, sent.size(), "one message, not one per round: " + sent);
            Sent first = sent.get(0);
            assertEquals("POST", first.method());
            JsonNode card = Ops.card(first);
            assertTrue(text(card).contains("Session licenses at 80 %: 8 of 10 in use"), text(card));
            assertEquals(List.of("Active agents", "Acknowledge", "Snooze 1 hour", "Snooze until tomorrow"),
                    AdaptiveCards.buttonTitles(card));

            ops.open(2);
            ops.round();

            List<Sent> after = ops.alerts();
            assertEquals(2, after.size(), after.toString());
            Sent update = after.get(1);
            assertEquals("PUT", update.method());
            assertTrue(update.path().endsWith("/activities/" + first.answeredId()), update.path());
            assertTrue(text(Ops.card(update)).contains("Session licenses at 100 %: 10 of 10 in use"));
        }
    }

    @OnBothDatabases
    void acknowledgeAndSnoozeAnswerThePresserAndTheAlertShowsItOnTheNextRound(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Ops ops = Ops.added(teams).subscribed();
            ops.open(9);
            ops.round();
            JsonNode alert = Ops.card(ops.alerts().get(0));

            assertEquals("Acknowledged: the alert now says you are on it.",
                    ops.press(ops.admin(), alert, "Acknowledge"));
            User other = teams.person(Role.ACCOUNT_ADMIN);
            assertEquals("Already acknowledged by " + ops.admin().email() + ".",
                    ops.press(other, alert, "Acknowledge"));
            ops.round();

            Sent update = ops.alerts().get(ops.alerts().size() - 1);
            assertEquals("PUT", update.method());
            JsonNode acknowledged = Ops.card(update);
            assertTrue(text(acknowledged).contains("Acknowledged by " + ops.admin().email()), text(acknowledged));
            assertFalse(AdaptiveCards.buttonTitles(acknowledged).contains("Acknowledge"));

            String snoozed = ops.press(ops.admin(), acknowledged, "Snooze 1 hour");
            assertTrue(snoozed.startsWith("Snoozed until "), snoozed);
            ops.round();
            assertTrue(text(Ops.card(ops.alerts().get(ops.alerts().size() - 1))).contains("Snoozed by "));
        }
    }

    @OnBothDatabases
    void someoneWithoutAccessPressingAnAlertButtonIsRefusedAsEverywhere(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Ops ops = Ops.added(teams).subscribed();
            ops.open(9);
            ops.round();
            JsonNode alert = Ops.card(ops.alerts().get(0));

            String refused = ops.press(teams.stranger(), alert, "Acknowledge");
            String supervisor = ops.press(teams.person(Role.SUPERVISOR), alert, "Acknowledge");

            assertTrue(refused.startsWith("Sorry, you do not have access to licensebot"), refused);
            assertTrue(supervisor.startsWith("Only an account admin or higher can manage alerts"), supervisor);
            ops.round();
            assertEquals(1, ops.alerts().size(), "nothing changed on the alert: " + ops.alerts());
        }
    }

    @OnBothDatabases
    void theActiveAgentsButtonAnswersWithTheListAsTheWordsDo(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Ops ops = Ops.added(teams).subscribed();
            teams.openSession(null, "zoe-agent");
            ops.open(8);
            ops.round();
            JsonNode alert = Ops.card(ops.alerts().get(0));

            JsonNode data = AdaptiveCards.submitButton(alert, "Active agents").path("data");
            JsonNode list = teams.post(ops.in().submit(ops.admin(), data)).card();

            String shown = text(list);
            assertTrue(shown.contains("zoe-agent"), shown);
            assertEquals(text(ops.say(ops.admin(), "active agents")), shown, "the same list as the words give");
        }
    }

    @OnBothDatabases
    void aThrottledAlertIsSentAgainAfterRetryAfterNotDropped(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Ops ops = Ops.added(teams).subscribed();
            teams.connector.answerNextActivity(429, "120");
            ops.open(8);
            ops.round();
            assertEquals(List.of(429), ops.alerts().stream().map(Sent::status).toList());

            teams.clock.advance(Duration.ofSeconds(100));
            ops.round();
            assertEquals(1, ops.alerts().size(), "not before Retry-After");

            teams.clock.advance(Duration.ofSeconds(21));
            ops.round();
            List<Sent> sent = ops.alerts();
            assertEquals(List.of(429, 200), sent.stream().map(Sent::status).toList());
            assertEquals("POST", sent.get(1).method());
            assertTrue(text(Ops.card(sent.get(1))).contains("8 of 10 in use"));
        }
    }

    @OnBothDatabases
    void aChatTheBotWasRemovedFromTurnsItsAlertsOffAuditedAndAlertsSaysWhy(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Ops ops = Ops.added(teams).subscribed();
            ops.open(8);
            ops.round();
            teams.connector.answerNextActivity(403, null);
            ops.open(1);
            ops.round();
            assertEquals(List.of(200, 403), ops.alerts().stream().map(Sent::status).toList());

            ops.open(1);
            ops.round();
            assertEquals(2, ops.alerts().size(), "no more attempts there: " + ops.alerts());
            String shown = text(ops.say(ops.admin(), "alerts"));
            assertTrue(shown.contains("Alerts were turned off in Ops because licensebot was removed from this chat"),
                    shown);
            String audit = text(teams.say(ops.admin(), "audit"));
            assertTrue(audit.contains("turned off: licensebot was removed"), audit);
        }
    }

    @OnBothDatabases
    void aConversationGoneOnTheFirstPostTurnsItsAlertsOffToo(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Ops ops = Ops.added(teams).subscribed();
            teams.connector.answerNextActivity(404, null);
            ops.open(8);
            ops.round();

            assertEquals(List.of(404), ops.alerts().stream().map(Sent::status).toList());
            String shown = text(ops.say(ops.admin(), "alerts"));
            assertTrue(shown.contains("Ops (Teams): off since"), shown);
        }
    }

    @OnBothDatabases
    void aChatTheBotWasRemovedFromAsTeamsSaidIsNoLongerWrittenTo(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Ops ops = Ops.added(teams).subscribed();
            teams.post(ops.in().membersRemoved(ops.admin(), BOT_ID));
            teams.connector.clear();
            ops.open(8);
            ops.round();

            assertEquals(List.of(), ops.alerts(), "nothing is sent to a forgotten conversation");
            String shown = text(teams.say(ops.admin(), "alerts"));
            assertTrue(shown.contains("Ops (Teams): off since"), shown);
        }
    }
}
