package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.testing.BlockKit;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SlackPayloads;
import dev.licensebot.slack.testing.Texts;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackHomeTest {

    private static JsonNode openHome(SlackFixture f, String userId, int publishedBefore) {
        HttpResponse<String> ack = f.client.event(SlackPayloads.appHomeOpened(f.team, userId, "home"), Map.of());
        assertEquals(200, ack.statusCode());
        List<FakeSlack.Call> published = f.slack.await("/api/views.publish", publishedBefore + 1);
        FakeSlack.Call call = published.get(publishedBefore);
        assertEquals(userId, call.form().get("user_id"));
        JsonNode view = call.formJson("view");
        BlockKit.assertValidHome(view);
        return view;
    }

    @OnBothDatabases
    void openingHomePublishesUsageAndTheFiveOldestSessions(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            for (int i = 1; i <= 7; i++) {
                f.session("agent" + i);
                f.t.clock().advance(Duration.ofMinutes(1));
            }
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);

            JsonNode home = openHome(f, admin.userId(), 0);

            String text = Texts.of(home);
            assertTrue(text.contains("*Session licenses*"), text);
            assertTrue(text.contains("Oldest active sessions"), text);
            assertTrue(text.contains("*agent1*") && text.contains("*agent5*"), text);
            assertFalse(text.contains("*agent6*"), "five oldest only");
            assertTrue(text.contains("*7* connected in all"), text);
            assertTrue(SlackPayloads.hasElement(home, ActionIds.SHOW_ACTIVE));
        }
    }

    @OnBothDatabases
    void aSupervisorsHomeShowsUsageButNoSessions(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann");
            JsonNode home = openHome(f, f.person(Role.SUPERVISOR).userId(), 0);

            assertFalse(Texts.of(home).contains("Oldest active sessions"));
            assertFalse(SlackPayloads.hasElement(home, ActionIds.SHOW_ACTIVE));
        }
    }

    @OnBothDatabases
    void aStrangerSeesWhyOnTheHomeTab(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.slack.user(f.team, "USTRANGER", "stranger@example.com");

            JsonNode home = openHome(f, "USTRANGER", 0);

            assertTrue(Texts.of(home).contains("you do not have access to licensebot"), Texts.of(home));
        }
    }

    @OnBothDatabases
    void aButtonOnHomeAnswersInTheAppsMessagesAndRefreshRepublishes(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            JsonNode home = openHome(f, admin.userId(), 0);

            f.client.interaction(SlackPayloads.pressOnHome(f.team, admin.userId(), home, ActionIds.SHOW_ACTIVE));
            FakeSlack.Call posted = f.slack.await("/api/chat.postMessage", 1).get(0);
            f.client.interaction(SlackPayloads.pressOnHome(f.team, admin.userId(), home, ActionIds.HOME_REFRESH));
            f.slack.await("/api/views.publish", 2);

            assertEquals(admin.userId(), posted.form().get("channel"));
            JsonNode message = f.slack.calls("/api/chat.postMessage").get(0).formJson("blocks");
            BlockKit.assertValidBlocks(message);
            assertTrue(Texts.of(message).contains("*ann*"), Texts.of(message));
        }
    }

    @OnBothDatabases
    void theMessagesTabIsNotAHomeTab(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            f.client.event(SlackPayloads.appHomeOpened(f.team, admin.userId(), "messages"), Map.of());

            openHome(f, admin.userId(), 0);

            assertEquals(1, f.slack.calls("/api/views.publish").size(), "only the Home tab was published");
        }
    }
}
