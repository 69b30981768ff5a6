package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.alerts.IncidentAction;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.testing.BlockKit;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SlackPayloads;
import dev.licensebot.slack.testing.Texts;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alerts in a Slack channel of one workspace, end to end: /licenses alerts typed in the channel,
 * the server's alert rounds posting and updating through the fake Slack, and the alert's buttons.
 */
class SlackAlertsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A channel of its own for each test: the database is shared. */
    private static String newChannel() {
        return "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The fixture's tenant has 20 session licenses: 16 sessions are 80 %. */
    private static void open(SlackFixture f, int sessions) {
        for (int i = 0; i < sessions; i++) {
            f.session("agent" + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    private static void round(SlackFixture f) {
        f.server.core().alerting().round();
    }

    /** A message as chat.postMessage or chat.update carried it, checked against Block Kit. */
    private static JsonNode message(FakeSlack.Call call) {
        ObjectNode message = JSON.createObjectNode().put("text", call.form().get("text"));
        message.set("blocks", call.formJson("blocks"));
        BlockKit.assertValidMessage(message);
        return message;
    }

    /** The posted alert, as a message whose buttons a person presses (answering at a fresh response_url). */
    private static SlackFixture.Answer pressable(SlackFixture f, FakeSlack.Call posted) {
        return new SlackFixture.Answer(f.slack.newResponseUrl(), message(posted));
    }

    private static SlackFixture.Person subscribed(SlackFixture f, String channel) {
        SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
        SlackFixture.Answer on = f.commandIn(channel, "ops", admin, "alerts on");
        assertTrue(on.text().contains("Alerts are on in #ops"), on.text());
        return admin;
    }

    @OnBothDatabases
    void alertsOnInAChannelSubscribesItAuditedAndAlertsShowsIt(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            SlackFixture.Person admin = subscribed(f, channel);

            SlackFixture.Answer shown = f.commandIn(channel, "ops", admin, "alerts");

            assertTrue(shown.text().contains("Alerts are on in #ops."), shown.text());
            assertTrue(shown.text().contains("#ops (Slack): on since"), shown.text());
            assertTrue(shown.text().contains("Watched: session licenses at"), shown.text());
            assertEquals(1, f.slack.calls("/api/conversations.info").stream()
                    .filter(c -> channel.equals(c.form().get("channel"))).count(), "asked once, when turned on");
            String audit = f.command(admin, "audit").text();
            assertTrue(audit.contains("ALERTS_ON") && audit.contains("alerts in #ops"), audit);
        }
    }

    @OnBothDatabases
    void alertsOnWhereTheBotIsNotAMemberRefusesWithTheInviteHintAndSubscribesNothing(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            f.slack.withoutBot(channel);
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);

            SlackFixture.Answer refused = f.commandIn(channel, "ops", admin, "alerts on");

            assertTrue(refused.text().contains("I cannot post in #ops yet: invite the bot first: "
                    + "/invite @licensebot in #ops."), refused.text());
            SlackFixture.Answer shown = f.commandIn(channel, "ops", admin, "alerts");
            assertTrue(shown.text().contains("Alerts are off in #ops"), shown.text());
            assertTrue(shown.text().contains("No place receives alerts yet"), shown.text());
        }
    }

    @OnBothDatabases
    void anIncidentIsPostedOnceWithTheBotTokenAndAHigherLevelUpdatesTheSameMessage(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            subscribed(f, channel);
            open(f, 16);

            round(f);
            round(f);

            List<FakeSlack.Call> posted = f.slack.postedIn(channel);
            assertEquals(1, posted.size(), "one message, however many rounds");
            assertEquals(FakeSlack.BOT_TOKEN, posted.get(0).token());
            JsonNode first = message(posted.get(0));
            assertTrue(Texts.of(first).contains("Session licenses at 80 %: 16 of 20 in use"), Texts.of(first));
            for (String button : List.of(ActionIds.ALERT_ACTIVE, ActionIds.alert(IncidentAction.ACKNOWLEDGE),
                    ActionIds.alert(IncidentAction.SNOOZE_HOUR), ActionIds.alert(IncidentAction.SNOOZE_TOMORROW))) {
                assertTrue(SlackPayloads.hasElement(first, button), button);
            }

            open(f, 2);
            round(f);

            assertEquals(1, f.slack.postedIn(channel).size(), "never a second post");
            List<FakeSlack.Call> updated = f.slack.updatedIn(channel);
            assertEquals(1, updated.size());
            assertEquals(f.slack.tsPostedIn(channel), List.of(updated.get(0).form().get("ts")),
                    "the posted message, updated in place");
            assertTrue(Texts.of(message(updated.get(0))).contains("Session licenses at 90 %: 18 of 20 in use"));
        }
    }

    @OnBothDatabases
    void acknowledgePressedByAnAdminAnswersThemAloneAndTheNextRoundSaysWhoAcknowledged(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            subscribed(f, channel);
            open(f, 16);
            round(f);
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);

            SlackFixture.Answer answered = f.press(admin, pressable(f, f.slack.postedIn(channel).get(0)),
                    ActionIds.alert(IncidentAction.ACKNOWLEDGE));

            assertEquals("ephemeral", answered.message().path("response_type").asText());
            assertFalse(answered.replacedOriginal(), "the alert itself is changed by its delivery");
            assertTrue(answered.text().contains("Acknowledged: the alert now says you are on it."), answered.text());
            round(f);
            List<FakeSlack.Call> updated = f.slack.updatedIn(channel);
            assertEquals(1, updated.size());
            JsonNode now = message(updated.get(0));
            assertTrue(Texts.of(now).contains("Acknowledged by " + admin.actor().name()), Texts.of(now));
            assertFalse(SlackPayloads.hasElement(now, ActionIds.alert(IncidentAction.ACKNOWLEDGE)));
            assertEquals(1, f.slack.postedIn(channel).size());
        }
    }

    @OnBothDatabases
    void aSupervisorPressingAcknowledgeIsRefusedAndTheAlertStaysAsItWas(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            subscribed(f, channel);
            open(f, 16);
            round(f);

            SlackFixture.Answer refused = f.press(f.person(Role.SUPERVISOR), pressable(f,
                    f.slack.postedIn(channel).get(0)), ActionIds.alert(IncidentAction.ACKNOWLEDGE));

            assertTrue(refused.text().contains("account admin"), refused.text());
            round(f);
            assertEquals(List.of(), f.slack.updatedIn(channel), "nothing changed, nothing to update");
        }
    }

    @OnBothDatabases
    void aGuestPressingAcknowledgeIsRefusedAsEveryGuestIs(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            subscribed(f, channel);
            open(f, 16);
            round(f);
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            f.slack.user(f.team, admin.userId(), admin.actor().name(), u -> u.put("is_restricted", true));

            SlackFixture.Answer refused = f.press(admin, pressable(f, f.slack.postedIn(channel).get(0)),
                    ActionIds.alert(IncidentAction.ACKNOWLEDGE));

            assertTrue(refused.text().contains("not guests"), refused.text());
            round(f);
            assertEquals(List.of(), f.slack.updatedIn(channel), "nothing changed, nothing to update");
        }
    }

    @OnBothDatabases
    void snoozeForAnHourSaysSoOnTheMessageAndHoldsBackTheNextLevel(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            SlackFixture.Person admin = subscribed(f, channel);
            open(f, 16);
            round(f);

            SlackFixture.Answer answered = f.press(admin, pressable(f, f.slack.postedIn(channel).get(0)),
                    ActionIds.alert(IncidentAction.SNOOZE_HOUR));

            assertTrue(answered.text().startsWith("Snoozed until "), answered.text());
            round(f);
            assertTrue(Texts.of(message(f.slack.updatedIn(channel).get(0))).contains("Snoozed by " + admin.actor().name()));
            open(f, 2);
            round(f);
            assertEquals(1, f.slack.updatedIn(channel).size(), "90 % waits while snoozed");
            // An hour without heartbeats ends the sessions too; the peak while snoozed is still told.
            f.t.clock().advance(Duration.ofMinutes(61));
            round(f);
            assertEquals(2, f.slack.updatedIn(channel).size());
            String after = Texts.of(message(f.slack.updatedIn(channel).get(1)));
            assertTrue(after.contains("Peak 18 of 20"), after);
            assertFalse(after.contains("Snoozed by"), after);
        }
    }

    @OnBothDatabases
    void activeAgentsOnAnAlertAnswersTheListAsTheCommandDoes(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            SlackFixture.Person admin = subscribed(f, channel);
            open(f, 16);
            round(f);

            SlackFixture.Answer list = f.press(admin, pressable(f, f.slack.postedIn(channel).get(0)),
                    ActionIds.ALERT_ACTIVE);

            assertEquals(f.command(admin, "active").text(), list.text());
            assertTrue(list.text().contains("16 agents connected"), list.text());
        }
    }

    @OnBothDatabases
    void aRateLimitedPostIsTriedAgainAfterRetryAfterAndPostedOnce(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            subscribed(f, channel);
            open(f, 16);
            f.slack.rateLimit("chat.postMessage", 1, 30);

            round(f);
            assertEquals(1, f.slack.postedIn(channel).size(), "the 429");
            assertEquals(List.of(), f.slack.tsPostedIn(channel));
            f.t.clock().advance(Duration.ofSeconds(29));
            round(f);
            assertEquals(1, f.slack.postedIn(channel).size(), "not before Retry-After");

            f.t.clock().advance(Duration.ofSeconds(2));
            round(f);
            round(f);

            assertEquals(2, f.slack.postedIn(channel).size());
            assertEquals(1, f.slack.tsPostedIn(channel).size(), "posted once");
            assertEquals(List.of(), f.slack.updatedIn(channel));
        }
    }

    @OnBothDatabases
    void aChannelThatIsGoneTurnsItsAlertsOffAuditedAndAlertsSaysWhy(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            SlackFixture.Person admin = subscribed(f, channel);
            f.slack.channelError(channel, "channel_not_found");
            open(f, 16);

            round(f);
            round(f);

            assertEquals(1, f.slack.postedIn(channel).size(), "tried once, then no more");
            String audit = f.command(admin, "audit").text();
            assertTrue(audit.contains("turned off: #ops no longer exists, or licensebot cannot see it"), audit);
            String shown = f.commandIn(channel, "ops", admin, "alerts").text();
            assertTrue(shown.contains("Alerts were turned off in #ops because #ops no longer exists, or licensebot "
                    + "cannot see it."), shown);
        }
    }

    @OnBothDatabases
    void theBotRemovedFromTheChannelTurnsItsAlertsOffSayingSo(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String channel = newChannel();
            SlackFixture.Person admin = subscribed(f, channel);
            open(f, 16);
            round(f);
            f.slack.channelError(channel, "not_in_channel");

            open(f, 2);
            round(f);

            String shown = f.commandIn(channel, "ops", admin, "alerts").text();
            assertTrue(shown.contains("because the bot was removed from #ops"), shown);
        }
    }
}
