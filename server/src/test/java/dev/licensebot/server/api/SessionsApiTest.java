package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.sessions.Terminations;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionsApiTest {

    private static final String ANN = """
            {"sessionId": "ann-1", "startedBy": "AGENT", "username": "ann", "email": "ann@example.com",
             "role": "agent", "agentName": "Ann A", "channel": "Web widget", "conversations": 4,
             "openInteractions": [{"name": "Chat", "instances": 2}, {"name": "Email", "instances": 1}]}""";

    @OnBothDatabases
    void openingASessionAnswers201WithTheSessionAsJson(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(2, 2);

            Reply reply = api.post(account, "/api/v1/sessions", ANN);

            assertEquals(201, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
            JsonNode s = reply.json();
            assertEquals("ann-1", s.get("sessionId").asText());
            assertEquals("OPEN", s.get("status").asText());
            assertEquals("AGENT", s.get("startedBy").asText());
            assertEquals("ann", s.get("agent").asText());
            assertFalse(s.get("guest").asBoolean());
            assertEquals("ann@example.com", s.get("email").asText());
            assertEquals("agent", s.get("role").asText());
            assertEquals("Ann A", s.get("agentName").asText());
            assertEquals("Web widget", s.get("channel").asText());
            assertEquals(4, s.get("conversations").asInt());
            assertEquals(3, s.get("openInteractionCount").asInt());
            assertEquals("Chat", s.get("openInteractions").get(0).get("name").asText());
            assertEquals(2, s.get("openInteractions").get(0).get("instances").asInt());
            assertEquals("2026-03-10T08:00:00Z", s.get("startedAt").asText());
            assertEquals("2026-03-10T08:00:00Z", s.get("lastActivityAt").asText());
            assertTrue(s.get("endedAt").isNull());
        }
    }

    @OnBothDatabases
    void aSessionWithoutAUsernameIsAGuestWithAnIdChosenByTheServer(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(2, 2);

            Reply reply = api.post(account, "/api/v1/sessions", "{\"startedBy\": \"user\", \"channel\": \"Slack\"}");

            assertEquals(201, reply.status(), reply::toString);
            assertEquals("Guest", reply.text("agent"));
            assertTrue(reply.json().get("guest").asBoolean());
            assertEquals("USER", reply.text("startedBy"));
            assertTrue(reply.text("sessionId").startsWith("s-"), reply::toString);
        }
    }

    @OnBothDatabases
    void theSameClientSessionIdTwiceIsOneSessionAnswered200TheSecondTime(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            assertEquals(201, api.post(account, "/api/v1/sessions", ANN).status());

            Reply again = api.post(account, "/api/v1/sessions", ANN);

            assertEquals(200, again.status(), again::toString);
            assertEquals("ann-1", again.text("sessionId"));
            assertEquals(1, api.get(account, "/api/v1/sessions").json().get("totalItems").asInt());
        }
    }

    @OnBothDatabases
    void aFullPoolAnswers409NoLicenseAvailable(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            api.post(account, "/api/v1/sessions", ANN);

            Reply denied = api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"username\": \"bob\"}");

            assertEquals(409, denied.status(), denied::toString);
            assertEquals("no_license_available", denied.text("error"));
            assertFalse(denied.text("message").isBlank());
        }
    }

    @OnBothDatabases
    void anImportedClosedSessionTakesNoLicenseButIsKept(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);

            Reply imported = api.post(account, "/api/v1/sessions", """
                    {"sessionId": "old-7", "startedBy": "USER", "username": "cy", "startedAt": "2026-03-01T09:00:00+01:00",
                     "endedAt": "2026-03-01T17:30:00Z"}""");

            assertEquals(201, imported.status(), imported::toString);
            assertEquals("CLOSED", imported.text("status"));
            assertEquals("2026-03-01T08:00:00Z", imported.text("startedAt"));
            assertEquals("2026-03-01T17:30:00Z", imported.text("endedAt"));
            assertEquals(201, api.post(account, "/api/v1/sessions", ANN).status());
            assertEquals(200, api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"old-7\", "
                    + "\"startedAt\": \"2026-03-01T08:00:00Z\", \"endedAt\": \"2026-03-01T17:30:00Z\"}").status());
        }
    }

    @OnBothDatabases
    void aHeartbeatReplacesTheOpenInteractionsAndKeepsTheSessionAlive(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            api.post(account, "/api/v1/sessions", ANN);
            api.clock.advance(Duration.ofMinutes(20));

            Reply beat = api.post(account, "/api/v1/sessions/ann-1/activity",
                    "{\"openInteractions\": [{\"name\": \"Voice\", \"instances\": 1}], \"conversations\": 9}");
            api.clock.advance(Duration.ofMinutes(20));

            assertEquals(200, beat.status(), beat::toString);
            assertEquals(9, beat.json().get("conversations").asInt());
            assertEquals(1, beat.json().get("openInteractions").size());
            assertEquals("Voice", beat.json().get("openInteractions").get(0).get("name").asText());
            assertEquals("2026-03-10T08:20:00Z", beat.text("lastActivityAt"));
            assertEquals(200, api.post(account, "/api/v1/sessions/ann-1/activity", "{}").status());
        }
    }

    @OnBothDatabases
    void aRepeatedHeartbeatAnswersFieldForFieldWhatTheActiveListReadsBack(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(2, 2);
            api.post(account, "/api/v1/sessions", ANN);
            String beat = "{\"openInteractions\": [{\"name\": \"Email\", \"instances\": 1}, "
                    + "{\"name\": \"Chat\", \"instances\": 2}], \"conversations\": 7}";
            api.post(account, "/api/v1/sessions/ann-1/activity", beat);
            // Finer than the database keeps (milliseconds): the answer must not show more.
            api.clock.advance(Duration.ofNanos(95_123_456_789L));

            Reply repeated = api.post(account, "/api/v1/sessions/ann-1/activity", beat);
            Reply list = api.get(account, "/api/v1/sessions");

            assertEquals(200, repeated.status(), repeated::toString);
            assertEquals(list.json().get("items").get(0), repeated.json());
            assertEquals("2026-03-10T08:01:35.123Z", repeated.text("lastActivityAt"));
            assertEquals(7, repeated.json().get("conversations").asInt());
        }
    }

    @OnBothDatabases
    void aHeartbeatAfterTheTimeoutAnswers410WithTheReasonAndTheReloadMessage(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            api.post(account, "/api/v1/sessions", ANN);
            api.clock.advance(Duration.ofMinutes(31));

            Reply gone = api.post(account, "/api/v1/sessions/ann-1/activity", "{}");

            assertEquals(410, gone.status(), gone::toString);
            assertEquals("session_closed", gone.text("error"));
            assertEquals("TIMEOUT", gone.text("reason"));
            assertTrue(gone.text("message").toLowerCase().contains("reload"), gone::toString);
            assertEquals(201, api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"username\": \"bob\"}").status(),
                    "the timed-out session's license is free again");
        }
    }

    @OnBothDatabases
    void aHeartbeatAfterAnAdminTerminatedTheSessionAnswers410WithReasonTerminated(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            api.post(account, "/api/v1/sessions", ANN);
            Actor admin = Actor.api(account.tenant().id());
            Terminations terminations = api.server.core().terminations();
            String confirmation = terminations.request(account.tenant(), admin, List.of("ann-1")).confirmation().id();
            terminations.confirm(account.tenant(), admin, confirmation);

            Reply gone = api.post(account, "/api/v1/sessions/ann-1/activity", "{}");

            assertEquals(410, gone.status(), gone::toString);
            assertEquals("session_closed", gone.text("error"));
            assertEquals("TERMINATED", gone.text("reason"));
            assertTrue(gone.text("message").toLowerCase().contains("reload"), gone::toString);
        }
    }

    @OnBothDatabases
    void aHeartbeatAfterLogoutAnswers410WithReasonLogout(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            api.post(account, "/api/v1/sessions", ANN);
            api.delete(account, "/api/v1/sessions/ann-1");

            Reply gone = api.post(account, "/api/v1/sessions/ann-1/activity", "{}");

            assertEquals(410, gone.status(), gone::toString);
            assertEquals("LOGOUT", gone.text("reason"));
        }
    }

    @OnBothDatabases
    void logoutAnswers204EveryTimeAndFreesTheLicense(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            api.post(account, "/api/v1/sessions", ANN);

            Reply first = api.delete(account, "/api/v1/sessions/ann-1");
            Reply second = api.delete(account, "/api/v1/sessions/ann-1");

            assertEquals(204, first.status(), first::toString);
            assertEquals(204, second.status(), second::toString);
            assertEquals(201, api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"username\": \"bob\"}").status());
        }
    }

    @OnBothDatabases
    void anUnknownSessionIdAnswers404ForHeartbeatAndLogout(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);

            Reply beat = api.post(account, "/api/v1/sessions/nope/activity", "{}");
            Reply logout = api.delete(account, "/api/v1/sessions/nope");

            assertEquals(404, beat.status(), beat::toString);
            assertEquals("session_not_found", beat.text("error"));
            assertEquals(404, logout.status(), logout::toString);
            assertEquals("session_not_found", logout.text("error"));
        }
    }
}
