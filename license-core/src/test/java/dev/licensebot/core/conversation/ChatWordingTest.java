package dev.licensebot.core.conversation;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.tenant.Pool;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wording both chat platforms share: help, the usage bar, conversation links, replenish results. */
class ChatWordingTest {

    private static Actor actor(Role role) {
        return new Actor("t", "x@example.com", role, Surface.SLACK);
    }

    @Test
    void helpOffersEachPersonOnlyWhatTheirRoleAllows() {
        assertEquals(List.of("usage"), HelpTopics.forActor(actor(Role.SUPERVISOR)).stream()
                .map(HelpTopics.Topic::example).toList());
        assertEquals(7, HelpTopics.forActor(actor(Role.ACCOUNT_ADMIN)).size(),
                "audit, digest and alerts are for account admins too");
        assertEquals(9, HelpTopics.forActor(actor(Role.ADVANCED_ADMIN)).size(), "and alert levels");
        assertTrue(HelpTopics.forActor(actor(Role.AGENT)).isEmpty());
    }

    @Test
    void helpNamesEveryWordItDidNotUnderstand() {
        assertEquals("I did not understand \"foo\" or \"bar\".", HelpTopics.notUnderstood(List.of("foo", "bar")));
        assertNull(HelpTopics.notUnderstood(List.of()));
    }

    @Test
    void theUsageBarLooksFullOnlyWhenThePoolIsFullAndNeverEmptyWhenSomethingIsInUse() {
        assertEquals("░░░░░░░░░░", UsageBar.of(0, 20));
        assertEquals("█░░░░░░░░░", UsageBar.of(1, 100));
        assertEquals("█████░░░░░", UsageBar.of(10, 20));
        assertEquals("█████████░", UsageBar.of(99, 100));
        assertEquals("██████████", UsageBar.of(20, 20));
        assertEquals("░░░░░░░░░░", UsageBar.of(0, 0));
    }

    @Test
    void conversationCountsLinkOnlyWhenTheTemplateHasTheRightPlaceholder() {
        ConversationLinks users = ConversationLinks.of("https://console.example/c?user={userId}");

        assertEquals(Optional.of("https://console.example/c?user=ann%20b%26c"), users.forUser("ann b&c"));
        assertEquals(Optional.empty(), users.forSession("s-1"));
        assertEquals(Optional.empty(), ConversationLinks.none().forUser("ann"));
        assertEquals(Optional.of("https://x/?user=&session=s-1"),
                ConversationLinks.of("https://x/?user={userId}&session={sessionId}").forSession("s-1"));
    }

    @Test
    void aReplenishmentSaysWhatChangedTheNewTotalAndWho() {
        Replenishment added = new Replenishment(Pool.SESSION, Instant.EPOCH, 10, 35, "ann@example.com", null);
        Replenishment removed = new Replenishment(Pool.USER, Instant.EPOCH, -1, 4, "bob@example.com", "x");

        assertEquals("Added 10 session licenses; the total is now 35. By ann@example.com.", added.summary());
        assertEquals("Removed 1 user license; the total is now 4. By bob@example.com.", removed.summary());
    }
}
