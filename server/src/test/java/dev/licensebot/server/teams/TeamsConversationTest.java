package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.testing.TeamsActivities.User;

import static dev.licensebot.teams.testing.AdaptiveCards.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every phrase family of DESIGN.md §5, typed in a Teams chat, answered with a card. */
class TeamsConversationTest {

    @OnBothDatabases
    void usageAndLicensesShowBothPools(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-usage-1", "ann");
            for (String words : new String[] {"usage", "licenses", "<at>licensebot</at> Usage"}) {
                String card = text(teams.say(admin, words));
                assertTrue(card.contains("Session licenses") && card.contains("User licenses"), card);
                assertTrue(card.contains("1 / 10"), "one session license in use of ten: " + card);
                assertTrue(card.contains("Daily average (30 days)") && card.contains("Daily max (30 days)")
                        && card.contains("Denials today"), card);
            }
        }
    }

    @OnBothDatabases
    void activeAgentsAndWhoIsOnlineListTheOpenSessions(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann", new OpenInteraction("Chat", 2));
            teams.openSession("s-guest", null);
            for (String words : new String[] {"active agents", "who is online", "Show me the ACTIVE AGENTS please"}) {
                String card = text(teams.say(admin, words));
                assertTrue(card.contains("ann") && card.contains("Guest"), card);
                assertTrue(card.contains("Chat ×2"), card);
                assertTrue(card.contains("09:00 CET"), "the start in the tenant's zone: " + card);
            }
        }
    }

    @OnBothDatabases
    void historiesAnswerSessionsUsersAndPurchases(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-hist", "bob");
            String sessions = text(teams.say(admin, "history sessions"));
            assertTrue(sessions.contains("Session history") && sessions.contains("bob")
                    && sessions.contains("s-hist"), sessions);
            assertTrue(sessions.contains("[3](https://console.example/conversations?session=s-hist&user=)"),
                    "the conversation count links to the Conversation History: " + sessions);
            assertTrue(text(teams.say(admin, "purchase history")).contains("Purchase history"));
            assertTrue(text(teams.say(admin, "history users")).contains("User history"));
        }
    }

    @OnBothDatabases
    void terminateAsksForConfirmationNamingTheSessions(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("S-123", "ann", new OpenInteraction("Email", 1));
            JsonNode card = teams.say(admin, "terminate S-123 S-124");
            String shown = text(card);
            assertTrue(shown.contains("Terminate 1 session: ann"), shown);
            assertTrue(shown.contains("No session S-124"), shown);
            assertTrue(shown.contains("1: Email"), "the interactions that will be cut: " + shown);
            assertTrue(teams.isOpen("S-123"), "nothing ends before Confirm");
        }
    }

    @OnBothDatabases
    void replenishAsksAnAdvancedAdminToConfirm(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User advanced = teams.person(Role.ADVANCED_ADMIN);
            JsonNode card = teams.say(advanced, "replenish 10 session licenses because the new team starts");
            String shown = text(card);
            assertTrue(shown.contains("Add 10 session licenses (10 → 20). Reason: the new team starts."), shown);
            JsonNode done = teams.press(advanced, card, "Confirm");
            assertTrue(text(done).contains("Added 10 session licenses; the total is now 20. By "), text(done));
            assertEquals(20, teams.server.core().tenants().total(teams.tenant.id(),
                    dev.licensebot.core.tenant.Pool.SESSION));
        }
    }

    @OnBothDatabases
    void helpAndUnknownWordsShowWhatTheBotCanDo(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            String help = text(teams.say(admin, "help"));
            assertTrue(help.contains("What I can do") && help.contains("terminate"), help);
            String unknown = text(teams.say(admin, "frobnicate the agents"));
            assertTrue(unknown.contains("I did not understand \"frobnicate\""), unknown);
        }
    }

    @OnBothDatabases
    void badValuesGetOneFriendlySentence(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            assertEquals("Sort by agent, start or interactions, not \"colour\".",
                    teams.sayExpectingText(admin, "active sort colour"));
        }
    }

    @OnBothDatabases
    void addingTheBotToAChatSendsAWelcome(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User someone = teams.stranger();
            TeamsFixture.Exchange added = teams.post(teams.activities.membersAdded(someone,
                    dev.licensebot.teams.testing.TeamsActivities.BOT_ID));
            assertTrue(text(added.card()).contains("Hi, I am licensebot"));
            assertEquals(0, teams.post(teams.activities.membersAdded(someone, "29:someone-else")).sent().size(),
                    "no welcome when someone else joins");
        }
    }
}
