package dev.licensebot.teams.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.teams.turn.Incoming;
import dev.licensebot.teams.turn.MemberProfile;
import dev.licensebot.teams.turn.Turn;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TeamsMemberDirectoryTest {

    /** A turn whose member lookup answers from a fixed profile and counts the calls. */
    private static final class LookupTurn implements Turn {
        private final Incoming activity;
        private final MemberProfile profile;
        int lookups;

        LookupTurn(String userId, MemberProfile profile) {
            this.activity = new Incoming("message", null, "usage", null, userId, null, "a:1", "entra", "28:bot",
                    List.of());
            this.profile = profile;
        }

        @Override
        public Incoming activity() {
            return activity;
        }

        @Override
        public Optional<MemberProfile> member(String userId) {
            lookups++;
            return Optional.ofNullable(profile);
        }

        @Override
        public void sendCard(ObjectNode card) {
        }

        @Override
        public void sendText(String text) {
        }

        @Override
        public void answerInvoke(int status, JsonNode body) {
        }
    }

    @Test
    void anAddressIsLookedUpOnceAndRememberedForAWhile() {
        TestClock clock = TestClock.at("2026-03-10T08:00:00Z");
        MemberDirectory directory = new MemberDirectory(clock);
        LookupTurn turn = new LookupTurn("29:ann", new MemberProfile("ann@example.com", null, "entra", "user"));

        assertEquals(Optional.of("ann@example.com"), directory.profileOf(turn).map(MemberProfile::address));
        clock.advance(MemberDirectory.TTL.minus(Duration.ofSeconds(1)));
        assertEquals(Optional.of("ann@example.com"), directory.profileOf(turn).map(MemberProfile::address));
        assertEquals(1, turn.lookups);

        clock.advance(Duration.ofSeconds(2));
        directory.profileOf(turn).map(MemberProfile::address);
        assertEquals(2, turn.lookups, "looked up again once the entry is old");
    }

    @Test
    void theUserPrincipalNameServesWhenThereIsNoEmail() {
        MemberDirectory directory = new MemberDirectory(TestClock.at("2026-03-10T08:00:00Z"));
        assertEquals(Optional.of("bob@example.com"),
                directory.profileOf(new LookupTurn("29:bob", new MemberProfile("", "bob@example.com", "entra", "user")))
                        .map(MemberProfile::address));
    }

    @Test
    void someoneTeamsDoesNotKnowIsNotRemembered() {
        MemberDirectory directory = new MemberDirectory(TestClock.at("2026-03-10T08:00:00Z"));
        LookupTurn unknown = new LookupTurn("29:ghost", null);
        assertEquals(Optional.empty(), directory.profileOf(unknown).map(MemberProfile::address));
        assertEquals(Optional.empty(), directory.profileOf(unknown).map(MemberProfile::address));
        assertEquals(2, unknown.lookups, "a later grant or fix in Teams is seen at once");
    }
}
