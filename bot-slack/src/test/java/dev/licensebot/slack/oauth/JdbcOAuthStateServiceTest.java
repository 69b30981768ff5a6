package dev.licensebot.slack.oauth;

import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcOAuthStateServiceTest {

    @OnBothDatabases
    void aStateIsAcceptedOnceOnAnyNodeAndThenNeverAgain(TestDatabase db) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
        JdbcOAuthStateService node1 = new JdbcOAuthStateService(db.jdbi(), clock);
        JdbcOAuthStateService node2 = new JdbcOAuthStateService(db.jdbi(), clock);
        String state = UUID.randomUUID().toString();

        node1.addNewStateToDatastore(state);

        assertTrue(node2.isAvailableInDatabase(state), "the callback may reach another node");
        assertFalse(node2.isAvailableInDatabase(state), "replayed");
        assertFalse(node1.isAvailableInDatabase(state), "replayed on the issuing node");
    }

    @OnBothDatabases
    void anExpiredOrUnknownStateIsRefused(TestDatabase db) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
        JdbcOAuthStateService states = new JdbcOAuthStateService(db.jdbi(), clock);
        String state = UUID.randomUUID().toString();
        states.addNewStateToDatastore(state);

        clock.advance(JdbcOAuthStateService.LIFETIME.plus(Duration.ofSeconds(1)));

        assertFalse(states.isAvailableInDatabase(state), "expired");
        assertFalse(states.isAvailableInDatabase(UUID.randomUUID().toString()), "forged");
        assertFalse(states.isAvailableInDatabase(null));
    }

    @OnBothDatabases
    void statesNobodyCameBackWithAreSweptWhenNewOnesAreIssued(TestDatabase db) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
        JdbcOAuthStateService states = new JdbcOAuthStateService(db.jdbi(), clock);
        String abandoned = UUID.randomUUID().toString();
        states.addNewStateToDatastore(abandoned);
        clock.advance(JdbcOAuthStateService.LIFETIME.plusMinutes(1));

        states.addNewStateToDatastore(UUID.randomUUID().toString());

        int left = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM slack_oauth_state WHERE state = :s")
                .bind("s", abandoned).mapTo(Integer.class).one());
        assertTrue(left == 0);
    }
}
