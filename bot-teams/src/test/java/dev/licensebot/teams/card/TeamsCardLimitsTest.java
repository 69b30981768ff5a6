package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.Conversation;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.users.UserReport;
import dev.licensebot.teams.identity.Requester;
import dev.licensebot.teams.testing.AdaptiveCards;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every card at the worst the platform may send: each value at the longest the core accepts,
 * full pages, the most sessions one terminate may name. Each stays valid and under 28 KB.
 */
class TeamsCardLimitsTest {

    private static String longest(char c, int length) {
        return String.valueOf(c).repeat(length);
    }

    /** A session with every text at its maximum and more interactions than a row shows. */
    private static void openLongest(LicenseCore core, Tenant tenant, int n) {
        String id = String.format("%03d", n) + longest('s', 61);
        List<OpenInteraction> interactions = IntStream.range(0, 8)
                .mapToObj(i -> new OpenInteraction(i + longest('i', 199), 100_000)).toList();
        core.sessionLicenses().open(tenant, new SessionReport(id, StartedBy.AGENT, n + longest('u', 197),
                longest('e', 240) + "@example.com", longest('r', 64), longest('a', 200), longest('c', 64),
                interactions, 1_000_000_000, null, null));
    }

    private static Requester advancedAdmin(TestCore t, Tenant tenant) {
        Actor actor = t.operator(tenant, Role.ADVANCED_ADMIN);
        return new Requester(tenant, actor, "29:" + longest('x', 100));
    }

    /** The card {@code who} gets for {@code request}, as the Teams bot renders it. */
    private static JsonNode card(TestCore t, ConversationLinks links, Requester who, LicenseRequest request) {
        Conversation conversation = t.core().conversation(links);
        Answer answer = conversation.answer(who.caller(), request);
        assertEquals(LicenseMetrics.Outcome.ANSWERED, answer.outcome(), "answered: " + answer);
        return answer.render(new TeamsCards(t.core().charts(), who, null));
    }

    private static JsonNode card(TestCore t, Requester who, LicenseRequest request) {
        return card(t, ConversationLinks.none(), who, request);
    }

    @OnBothDatabases
    void theActiveListAndATerminationOfAHundredSessionsFitInACard(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(100, 10);
        Requester who = advancedAdmin(t, tenant);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            openLongest(t.core(), tenant, n);
            ids.add(String.format("%03d", n) + longest('s', 61));
        }
        JsonNode list = card(t, who, new LicenseRequest.Active(null, null, 1));
        AdaptiveCards.assertValid(list);
        JsonNode confirmation = card(t, who, new LicenseRequest.Terminate(ids));
        AdaptiveCards.assertValid(confirmation);
        assertTrue(AdaptiveCards.text(confirmation).contains("and 75 more sessions"));
    }

    @OnBothDatabases
    void fullHistoryPagesOfTheLongestValuesFitInACard(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(20, 20);
        Requester who = advancedAdmin(t, tenant);
        for (int n = 0; n < 10; n++) {
            openLongest(t.core(), tenant, n);
            t.core().userLicenses().allocate(tenant, new UserReport(n + longest('U', 60), longest('u', 200),
                    longest('e', 240) + "@example.com", longest('f', 100), longest('l', 100), longest('r', 64),
                    1_000_000_000));
            t.core().replenishments().apply(tenant, Actor.cli(tenant.id()), Pool.USER, 1, longest('w', 500));
        }
        ConversationLinks links =
                ConversationLinks.of("https://console.example/" + longest('p', 200) + "?s={sessionId}&u={userId}");
        for (HistoryKind kind : HistoryKind.values()) {
            AdaptiveCards.assertValid(card(t, links, who, new LicenseRequest.History(kind, null, 1)));
        }
        AdaptiveCards.assertValid(card(t, links, who, new LicenseRequest.Audit(null, 1)));
    }

    @OnBothDatabases
    void theDigestWithDenialsAndBothGraphsIsAValidCard(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 1);
        Requester who = advancedAdmin(t, tenant);
        t.core().userLicenses().allocate(tenant, new UserReport("u1", "u1", "u1@example.com", null, null, "agent", 0));
        assertThrows(Refusal.class, () -> t.core().userLicenses().allocate(tenant,
                new UserReport("u2", "u2", "u2@example.com", null, null, "agent", 0)));

        JsonNode card = card(t, who, new LicenseRequest.Digest());

        AdaptiveCards.assertValid(card);
        assertTrue(AdaptiveCards.text(card).contains("1 denial this week: the busiest hour"), AdaptiveCards.text(card));
        JsonNode unasked = DigestCard.of(t.core().digests().weeklyFor(tenant, t.clock().instant()), t.core().charts(),
                null);
        AdaptiveCards.assertValid(unasked);
        assertFalse(unasked.has("actions"), "posted without anyone asking: nobody's buttons");
    }

    @OnBothDatabases
    void usageHelpAndReplenishCardsAreValid(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        Requester who = advancedAdmin(t, tenant);
        AdaptiveCards.assertValid(card(t, who, new LicenseRequest.Usage()));
        AdaptiveCards.assertValid(card(t, who, new LicenseRequest.Help(
                List.of(longest('z', 5000), "[link](http://x)"))));
        AdaptiveCards.assertValid(card(t, who, new LicenseRequest.Replenish(10, Pool.SESSION, longest('w', 500))));
        AdaptiveCards.assertValid(WelcomeCard.of());
        AdaptiveCards.assertValid(new Answer.Refused(Refusal.invalid("test", "Something was refused."))
                .render(new TeamsCards(t.core().charts(), null, null)));
    }
}
