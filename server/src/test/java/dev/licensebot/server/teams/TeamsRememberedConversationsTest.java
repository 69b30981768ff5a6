package dev.licensebot.server.teams;

import dev.licensebot.core.access.Surface;
import dev.licensebot.core.chat.ChatConversation;
import dev.licensebot.core.chat.ChatConversation.Scope;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.teams.testing.TeamsActivities;
import dev.licensebot.teams.testing.TeamsActivities.Chat;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.licensebot.teams.testing.TeamsActivities.BOT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every conversation the bot is added to is remembered, with where it takes messages and who
 * added it, so that the bot can write first there; it is forgotten when the bot is removed.
 * Teams' retries and its two ways of saying the same (conversationUpdate, installationUpdate)
 * remember it once.
 */
class TeamsRememberedConversationsTest {

    private static List<ChatConversation> remembered(TeamsFixture teams) {
        return teams.server.core().chatConversations().of(teams.tenant);
    }

    private static void assertAccepted(TeamsFixture.Exchange exchange) {
        assertTrue(exchange.status() == 200 || exchange.status() == 202, exchange.status() + " " + exchange.body());
    }

    @OnBothDatabases
    void aPersonalChatIsRememberedWhenSomeoneAddsTheBot(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User ann = teams.stranger();

            assertAccepted(teams.post(teams.activities.membersAdded(ann, BOT_ID)));

            List<ChatConversation> all = remembered(teams);
            assertEquals(1, all.size(), all.toString());
            ChatConversation chat = all.get(0);
            assertEquals(Surface.TEAMS, chat.surface());
            assertEquals(teams.activities.conversationId(ann), chat.conversationId());
            assertEquals(teams.entraTenant, chat.chatTenantId());
            assertEquals(teams.connector.serviceUrl(), chat.serviceUrl());
            assertEquals(Scope.PERSONAL, chat.scope());
            assertEquals(ann.id(), chat.addedBy());
            assertNull(chat.teamId());
            assertEquals(1, teams.connector.sent().size(), "the welcome is still sent");
        }
    }

    @OnBothDatabases
    void aGroupChatAndATeamsChannelAreRememberedWithTheirScope(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User ann = teams.stranger();
            Chat group = Chat.group();
            Chat team = Chat.teamChannel();

            assertAccepted(teams.post(teams.activities.in(group).membersAdded(ann, BOT_ID)));
            assertAccepted(teams.post(teams.activities.in(team).installationUpdate(ann, "add")));

            List<ChatConversation> all = remembered(teams);
            assertEquals(2, all.size(), all.toString());
            ChatConversation inGroup = find(all, group.conversationId());
            assertEquals(Scope.GROUP_CHAT, inGroup.scope());
            ChatConversation inTeam = find(all, team.conversationId());
            assertEquals(Scope.TEAM, inTeam.scope());
            assertEquals(team.teamId(), inTeam.teamId());
            assertEquals(ann.id(), inTeam.addedBy());
        }
    }

    @OnBothDatabases
    void retriesAndBothWaysOfSayingItRememberTheConversationOnce(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User ann = teams.stranger();
            var added = teams.activities.membersAdded(ann, BOT_ID);

            assertAccepted(teams.post(added));
            teams.clock.advance(Duration.ofMinutes(1));
            assertAccepted(teams.post(added));
            assertAccepted(teams.post(teams.activities.installationUpdate(ann, "add")));

            List<ChatConversation> all = remembered(teams);
            assertEquals(1, all.size(), all.toString());
            assertEquals(teams.clock.instant().minus(Duration.ofMinutes(1)),
                    all.get(0).addedAt(), "as first added");
        }
    }

    @OnBothDatabases
    void removingTheBotForgetsTheConversationAndRetriesChangeNothing(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User ann = teams.stranger();
            Chat group = Chat.group();
            Chat team = Chat.teamChannel();
            TeamsActivities inGroup = teams.activities.in(group);
            TeamsActivities inTeam = teams.activities.in(team);
            assertAccepted(teams.post(teams.activities.membersAdded(ann, BOT_ID)));
            assertAccepted(teams.post(inGroup.membersAdded(ann, BOT_ID)));
            assertAccepted(teams.post(inTeam.membersAdded(ann, BOT_ID)));
            assertEquals(3, remembered(teams).size());

            var removedFromGroup = inGroup.membersRemoved(ann, BOT_ID);
            assertAccepted(teams.post(removedFromGroup));
            assertAccepted(teams.post(removedFromGroup));
            assertAccepted(teams.post(inTeam.installationUpdate(ann, "remove")));
            assertAccepted(teams.post(inTeam.membersRemoved(ann, BOT_ID)));

            List<ChatConversation> left = remembered(teams);
            assertEquals(1, left.size(), left.toString());
            assertEquals(teams.activities.conversationId(ann), left.get(0).conversationId());

            assertAccepted(teams.post(teams.activities.installationUpdate(ann, "remove")));
            assertEquals(List.of(), remembered(teams));
        }
    }

    @OnBothDatabases
    void someoneElseJoiningOrLeavingIsNoInstallation(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User ann = teams.stranger();
            assertAccepted(teams.post(teams.activities.membersAdded(ann, BOT_ID)));

            assertAccepted(teams.post(teams.activities.membersAdded(ann, "29:someone-else")));
            assertAccepted(teams.post(teams.activities.membersRemoved(ann, "29:someone-else")));

            assertEquals(1, remembered(teams).size());
        }
    }

    @OnBothDatabases
    void aTenantSeesOnlyTheConversationsOfItsOwnOrganizations(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Tenant other = teams.server.core().tenants().create(new Tenants.NewTenant("Other " + UUID.randomUUID(),
                    "Europe/Berlin", 10, 10, Duration.ofMinutes(30))).tenant();
            String otherEntra = "entra-" + UUID.randomUUID();
            teams.server.core().tenants().linkTeamsTenant(other.id(), otherEntra);
            String unlinkedEntra = "entra-" + UUID.randomUUID();
            User ann = teams.stranger();

            assertAccepted(teams.post(teams.activities.membersAdded(ann, BOT_ID)));
            assertAccepted(teams.post(teams.activities.forTenant(otherEntra).in(Chat.group())
                    .membersAdded(ann, BOT_ID)));
            assertAccepted(teams.post(teams.activities.forTenant(unlinkedEntra).in(Chat.group())
                    .membersAdded(ann, BOT_ID)));

            assertEquals(List.of(teams.entraTenant),
                    remembered(teams).stream().map(ChatConversation::chatTenantId).toList());
            List<ChatConversation> others = teams.server.core().chatConversations().of(other);
            assertEquals(List.of(otherEntra), others.stream().map(ChatConversation::chatTenantId).toList());
        }
    }

    @OnBothDatabases
    void anActivityThatNamesNoOrganizationIsNotRemembered(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User ann = teams.stranger();

            assertAccepted(teams.post(teams.activities.forTenant(null).membersAdded(ann, BOT_ID)));

            assertEquals(List.of(), remembered(teams));
        }
    }

    private static ChatConversation find(List<ChatConversation> all, String conversationId) {
        return all.stream().filter(c -> c.conversationId().equals(conversationId)).findFirst()
                .orElseThrow(() -> new AssertionError(conversationId + " not in " + all));
    }
}
