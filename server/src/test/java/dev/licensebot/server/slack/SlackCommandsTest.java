package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.blocks.ButtonValues;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SlackPayloads;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackCommandsTest {

    @OnBothDatabases
    void theBareCommandShowsBothPoolsWithBarsAndButtonsIntoTheOtherViews(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann");
            f.session(null);
            SlackFixture.Person admin = f.person(Role.ADVANCED_ADMIN);

            SlackFixture.Answer usage = f.command(admin, "");

            String text = usage.text();
            assertTrue(text.contains("*Session licenses*\n`█░░░░░░░░░`  *2* / 20 in use"), text);
            assertTrue(text.contains("*User licenses*"), text);
            assertTrue(text.contains("Daily max *2 on 2026-03-10*"), text);
            assertTrue(text.contains("Denied today *0*"), text);
            assertEquals("ephemeral", usage.message().path("response_type").asText());
            assertTrue(SlackPayloads.hasElement(usage.message(), ActionIds.SHOW_ACTIVE));
            assertTrue(SlackPayloads.hasElement(usage.message(), ActionIds.SHOW_HISTORY));
            assertTrue(SlackPayloads.hasElement(usage.message(), ActionIds.REPLENISH_OPEN));
        }
    }

    @OnBothDatabases
    void replenishIsOfferedOnlyToAdvancedAdmins(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Answer usage = f.command(f.person(Role.ACCOUNT_ADMIN), "usage");

            assertTrue(SlackPayloads.hasElement(usage.message(), ActionIds.SHOW_ACTIVE));
            assertFalse(SlackPayloads.hasElement(usage.message(), ActionIds.REPLENISH_OPEN));
        }
    }

    @OnBothDatabases
    void activeListsAgentsAndGuestsWithTheirOpenInteractions(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann", new OpenInteraction("Chat", 2), new OpenInteraction("Email", 1));
            f.t.clock().advance(Duration.ofMinutes(28));
            f.session(null);

            SlackFixture.Answer active = f.command(f.person(Role.ACCOUNT_ADMIN), "active");

            String text = active.text();
            assertTrue(text.contains("*ann*  ·  since <!date^1773129600^{date_short_pretty} {time}|2026-03-10 09:00 CET>"
                    + "  ·  3 open interactions: Chat ×2, Email"), text);
            assertTrue(text.contains("*Guest*  ·  since"), text);
            assertTrue(text.contains("no open interactions"), text);
            JsonNode checkboxes = SlackPayloads.element(active.message(), ActionIds.ACTIVE_SELECT);
            assertEquals(2, checkboxes.path("options").size());
            assertEquals("danger", SlackPayloads.element(active.message(), ActionIds.TERMINATE_SELECTED)
                    .path("style").asText());
        }
    }

    @OnBothDatabases
    void anAnswerReadyInTimeIsTheAckItselfAndNothingIsPostedToTheResponseUrl(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            f.command(admin, "help"); // the first answer of a JVM loads Block Kit's classes
            String responseUrl = f.slack.newResponseUrl();

            HttpResponse<String> ack = f.client.command(f.team, admin.userId(), "active", responseUrl);

            SlackFixture.Answer active = f.answerIn(ack, responseUrl);
            assertTrue(active.text().contains("*ann*"), active.text());
            assertEquals("ephemeral", active.message().path("response_type").asText());
            f.command(admin, "help"); // a later round trip: time for anything wrongly posted for the first to arrive
            assertEquals(0, f.slack.calls(FakeSlack.pathOf(responseUrl)).size());
        }
    }

    @OnBothDatabases
    void anEmptyListSaysNoAgentsAreConnected(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Answer active = f.command(f.person(Role.ACCOUNT_ADMIN), "show me active agents");

            assertTrue(active.text().contains("There are currently no Agents connected."), active.text());
            assertFalse(SlackPayloads.hasElement(active.message(), ActionIds.TERMINATE_SELECTED));
        }
    }

    @OnBothDatabases
    void pagingAndSortingUpdateTheListInPlace(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            for (int i = 1; i <= 12; i++) {
                f.session(String.format("agent%02d", i));
                f.t.clock().advance(Duration.ofMinutes(1));
            }
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer first = f.command(admin, "active");
            assertEquals(10, SlackPayloads.element(first.message(), ActionIds.ACTIVE_SELECT).path("options").size());
            assertTrue(first.text().contains("page 1 of 2"), first.text());

            SlackFixture.Answer second = f.press(admin, first, ActionIds.ACTIVE_NEXT);

            assertTrue(second.replacedOriginal(), "Next updates the message in place");
            assertTrue(second.text().contains("page 2 of 2"), second.text());
            assertTrue(second.text().contains("*agent11*") && second.text().contains("*agent12*"), second.text());
            assertFalse(second.text().contains("*agent01*"), second.text());

            String byAgentDesc = ButtonValues.active(SessionSort.AGENT, SortOrder.DESC, 1);
            SlackFixture.Answer sorted = f.select(admin, second, ActionIds.ACTIVE_SORT, byAgentDesc);

            assertTrue(sorted.replacedOriginal());
            assertTrue(sorted.text().contains("sorted by agent, Z to A  ·  page 1 of 2"), sorted.text());
            assertTrue(sorted.text().indexOf("*agent12*") < sorted.text().indexOf("*agent11*"), sorted.text());
        }
    }

    @OnBothDatabases
    void theListIsSortedByTheNumberOfInteractionsWhenAsked(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("few", new OpenInteraction("Chat", 1));
            f.session("many", new OpenInteraction("Chat", 4));
            SlackFixture.Answer list = f.command(f.person(Role.ACCOUNT_ADMIN), "active sort interactions desc");

            assertTrue(list.text().indexOf("*many*") < list.text().indexOf("*few*"), list.text());
        }
    }

    @OnBothDatabases
    void sessionHistoryIsATableWithEveryFieldAndLinkedConversationCounts(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann", new OpenInteraction("Chat", 1));
            f.t.core().sessionLicenses().logout(f.tenant, ann.id());

            SlackFixture.Answer history = f.command(f.person(Role.ACCOUNT_ADMIN), "history sessions since 2026-03-01");

            JsonNode table = tableOf(history.message());
            assertEquals(2, table.path("rows").size(), "a heading row and one session");
            assertEquals(14, table.path("rows").get(0).size());
            String text = history.text();
            assertTrue(text.contains(ann.id()) && text.contains("logged out") && text.contains("Web widget"), text);
            assertTrue(history.message().toString().contains("https://console.example/conversations?user=&session="
                    + ann.id()), "the conversation count links to the Conversation History");
            assertTrue(text.contains("*1* sessions since 2026-03-01"), text);
        }
    }

    @OnBothDatabases
    void userAndPurchaseHistoriesAreOneButtonAway(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ADVANCED_ADMIN);
            f.t.core().replenishments().apply(f.tenant, admin.actor(), Pool.SESSION, 5, "PO 4711");
            SlackFixture.Answer sessions = f.command(admin, "history sessions");

            SlackFixture.Answer purchases = f.press(admin, sessions, ActionIds.historyKind(
                    dev.licensebot.core.conversation.LicenseRequest.HistoryKind.PURCHASES));

            assertTrue(purchases.replacedOriginal());
            assertTrue(purchases.text().contains("Purchase history"), purchases.text());
            assertTrue(purchases.text().contains("+5") && purchases.text().contains("PO 4711")
                    && purchases.text().contains("25"), purchases.text());

            SlackFixture.Answer users = f.command(admin, "history users");
            assertTrue(users.text().contains("Nothing recorded."), users.text());
        }
    }

    @OnBothDatabases
    void helpNamesTheWordItDidNotUnderstand(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Answer help = f.command(f.person(Role.SUPERVISOR), "frobnicate");

            assertTrue(help.text().contains("I did not understand \"frobnicate\"."), help.text());
            assertTrue(help.text().contains("/licenses usage"), help.text());
            assertFalse(help.text().contains("replenish"), "a supervisor is only told what they may do");
        }
    }

    @OnBothDatabases
    void aBadValueIsRefusedInOneSentence(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Answer answer = f.command(f.person(Role.ACCOUNT_ADMIN), "history sessions since yesterday");

            assertEquals(1, answer.message().path("blocks").size());
            assertTrue(answer.text().contains("\"yesterday\" is not a date; write it as YYYY-MM-DD."), answer.text());
        }
    }

    @OnBothDatabases
    void publicSharesTheAnswerWithTheChannel(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Answer usage = f.command(f.person(Role.SUPERVISOR), "usage public");

            assertEquals("in_channel", usage.message().path("response_type").asText());
        }
    }

    @OnBothDatabases
    void replenishAsksToConfirmThenShowsTheNewTotal(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ADVANCED_ADMIN);
            SlackFixture.Answer plan = f.command(admin, "replenish +10 session PO 4711");
            assertTrue(plan.text().contains("Add 10 session licenses (20 → 30). Reason: PO 4711."), plan.text());
            assertEquals(20, f.t.core().tenants().total(f.tenant.id(), Pool.SESSION), "nothing before Confirm");

            SlackFixture.Answer done = f.press(admin, plan, ActionIds.REPLENISH_CONFIRM);

            assertTrue(done.replacedOriginal());
            assertTrue(done.text().contains("Added 10 session licenses; the total is now 30. By " + admin.actor().name()),
                    done.text());
            assertEquals(30, f.t.core().tenants().total(f.tenant.id(), Pool.SESSION));
        }
    }

    @OnBothDatabases
    void replenishIsRefusedToAnAccountAdmin(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Answer refused = f.command(f.person(Role.ACCOUNT_ADMIN), "replenish +10 session");

            assertTrue(refused.text().contains("Only an advanced admin or higher can replenish licenses"),
                    refused.text());
            assertEquals(20, f.t.core().tenants().total(f.tenant.id(), Pool.SESSION));
        }
    }

    private static JsonNode tableOf(JsonNode message) {
        for (JsonNode block : message.path("blocks")) {
            if ("table".equals(block.path("type").asText())) {
                return block;
            }
        }
        throw new AssertionError("no table in " + message);
    }
}
