package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.testing.AdaptiveCards;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.licensebot.teams.testing.AdaptiveCards.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Active Agents card: sort and paging buttons answer in place, Refresh and the refresh block. */
class TeamsActiveAgentsTest {

    /** The agent names of the list's rows, top to bottom (the titles of the row tick boxes). */
    private static List<String> agents(JsonNode card) {
        List<String> names = new ArrayList<>();
        card.findParents("type").stream().filter(n -> "Input.Toggle".equals(n.path("type").asText()))
                .forEach(n -> names.add(n.path("title").asText()));
        return names;
    }

    @OnBothDatabases
    void anEmptyListSaysNoAgentsAreConnected(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            JsonNode card = teams.say(teams.person(Role.ACCOUNT_ADMIN), "active agents");
            assertTrue(text(card).contains("There are currently no Agents connected."), text(card));
        }
    }

    @OnBothDatabases
    void sortButtonsReorderTheListInPlace(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-b", "bob", new OpenInteraction("Chat", 3));
            teams.clock.advance(Duration.ofMinutes(5));
            teams.openSession("s-a", "ann");
            teams.clock.advance(Duration.ofMinutes(5));
            teams.openSession("s-c", "cid", new OpenInteraction("Email", 1));

            JsonNode byStart = teams.say(admin, "active agents");
            assertEquals(List.of("bob", "ann", "cid"), agents(byStart), "started first, first");

            JsonNode byAgent = teams.press(admin, byStart, "Sort by agent");
            assertEquals(List.of("ann", "bob", "cid"), agents(byAgent));
            JsonNode byAgentDesc = teams.press(admin, byAgent, "Sort by agent ▲");
            assertEquals(List.of("cid", "bob", "ann"), agents(byAgentDesc), "pressing the sort in force flips it");
            JsonNode byInteractions = teams.press(admin, byAgentDesc, "Sort by interactions");
            assertEquals(List.of("ann", "cid", "bob"), agents(byInteractions));
            assertEquals(List.of("bob", "cid", "ann"), agents(teams.say(admin, "active sort interactions desc")));
        }
    }

    @OnBothDatabases
    void pagingKeepsTheSortAndShowsTenAgentsAPage(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            teams.server.core().replenishments().apply(teams.tenant,
                    dev.licensebot.core.access.Actor.cli(teams.tenant.id()), dev.licensebot.core.tenant.Pool.SESSION,
                    20, "paging test");
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            for (int i = 1; i <= 12; i++) {
                teams.openSession("s-" + i, String.format("agent%02d", i));
            }
            JsonNode first = teams.say(admin, "active sort agent desc");
            assertEquals(10, agents(first).size());
            assertEquals("agent12", agents(first).get(0));
            assertTrue(text(first).contains("page 1 of 2"), text(first));

            JsonNode second = teams.press(admin, first, "Next");
            assertEquals(List.of("agent02", "agent01"), agents(second), "the sort holds across pages");
            assertTrue(text(second).contains("page 2 of 2"), text(second));
            assertEquals(10, agents(teams.press(admin, second, "◀ Previous")).size());
        }
    }

    @OnBothDatabases
    void refreshShowsTheListAsItIsNowAndTheCardRefreshesItselfForItsRequester(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann");
            JsonNode card = teams.say(admin, "active agents");
            assertEquals(admin.id(), card.path("refresh").path("userIds").path(0).asText(),
                    "Teams refreshes the card automatically for the person who asked");

            teams.openSession("s-bob", "bob");
            assertEquals(List.of("ann", "bob"), agents(teams.press(admin, card, "Refresh")));

            JsonNode refreshAction = card.path("refresh").path("action");
            JsonNode refreshed = teams.post(teams.activities.execute(admin, refreshAction.path("verb").asText(),
                    refreshAction.path("data"), true)).invokeCard();
            assertEquals(List.of("ann", "bob"), agents(refreshed));
        }
    }

    @OnBothDatabases
    void terminateSelectedWithNothingTickedSaysSoAndKeepsTheList(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann");
            JsonNode again = teams.press(admin, teams.say(admin, "active agents"), "Terminate selected");
            assertTrue(text(again).contains("Tick the agents whose sessions should end"), text(again));
            assertEquals(List.of("ann"), agents(again));
        }
    }

    @OnBothDatabases
    void everyButtonFallsBackToASubmitWithTheSameData(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann");
            JsonNode card = teams.say(admin, "active agents");
            for (JsonNode button : AdaptiveCards.executeActions(card)) {
                if (button.has("title")) {
                    assertEquals("Action.Submit", button.path("fallback").path("type").asText());
                    assertEquals(button.path("data"), button.path("fallback").path("data"));
                    assertEquals(button.path("verb").asText(), button.path("data").path("verb").asText());
                }
            }
            // A client without Universal Actions sends the Submit data as a message; the answer is a new card.
            JsonNode sortButton = AdaptiveCards.button(card, "Sort by agent");
            TeamsFixture.Exchange submitted = teams.post(teams.activities.submit(admin,
                    sortButton.path("fallback").path("data")));
            assertEquals(List.of("ann"), agents(submitted.card()));
            assertTrue(text(submitted.card()).contains("sorted by agent asc"), text(submitted.card()));
        }
    }
}
