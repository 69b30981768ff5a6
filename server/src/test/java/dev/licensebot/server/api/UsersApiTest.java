package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsersApiTest {

    private static final String ANN = """
            {"userId": "u-ann", "username": "ann", "email": "ann@example.com", "firstName": "Ann",
             "lastName": "Archer", "role": "agent", "conversations": 12}""";

    @OnBothDatabases
    void allocatingAUserLicenseAnswers201WithTheUser(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);

            Reply reply = api.post(account, "/api/v1/users", ANN);

            assertEquals(201, reply.status(), reply::toString);
            JsonNode u = reply.json();
            assertEquals("u-ann", u.get("userId").asText());
            assertEquals("ann", u.get("username").asText());
            assertEquals("ann@example.com", u.get("email").asText());
            assertEquals("Ann", u.get("firstName").asText());
            assertEquals("Archer", u.get("lastName").asText());
            assertEquals("agent", u.get("role").asText());
            assertEquals("ACTIVE", u.get("status").asText());
            assertEquals("2026-03-10T08:00:00Z", u.get("statusChangedAt").asText());
            assertEquals(12, u.get("conversations").asInt());
        }
    }

    @OnBothDatabases
    void allocatingForAUserWhoHoldsALicenseAnswers200AndRefreshesTheDetails(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            api.post(account, "/api/v1/users", ANN);
            api.clock.advance(Duration.ofHours(1));

            Reply again = api.post(account, "/api/v1/users", "{\"userId\": \"u-ann\", \"username\": \"ann.a\"}");

            assertEquals(200, again.status(), again::toString);
            assertEquals("ann.a", again.text("username"));
            assertEquals("2026-03-10T08:00:00Z", again.text("statusChangedAt"));
            assertEquals(12, again.json().get("conversations").asInt());
        }
    }

    @OnBothDatabases
    void aFullUserPoolAnswers409NoLicenseAvailable(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            api.post(account, "/api/v1/users", ANN);

            Reply denied = api.post(account, "/api/v1/users", "{\"userId\": \"u-bob\"}");

            assertEquals(409, denied.status(), denied::toString);
            assertEquals("no_license_available", denied.text("error"));
        }
    }

    @OnBothDatabases
    void deactivatingReleasesTheLicenseAndIsIdempotent(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            api.post(account, "/api/v1/users", ANN);
            api.clock.advance(Duration.ofMinutes(5));

            Reply first = api.post(account, "/api/v1/users/u-ann/deactivate", "");
            Reply second = api.post(account, "/api/v1/users/u-ann/deactivate", "{}");

            assertEquals(200, first.status(), first::toString);
            assertEquals("INACTIVE", first.text("status"));
            assertEquals("2026-03-10T08:05:00Z", first.text("statusChangedAt"));
            assertEquals(200, second.status(), second::toString);
            assertEquals("2026-03-10T08:05:00Z", second.text("statusChangedAt"));
            assertEquals(201, api.post(account, "/api/v1/users", "{\"userId\": \"u-bob\"}").status());
        }
    }

    @OnBothDatabases
    void anInactiveUserGetsALicenseAgainWith201(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            api.post(account, "/api/v1/users", ANN);
            api.post(account, "/api/v1/users/u-ann/deactivate", "");

            Reply again = api.post(account, "/api/v1/users", ANN);

            assertEquals(201, again.status(), again::toString);
            assertEquals("ACTIVE", again.text("status"));
        }
    }

    @OnBothDatabases
    void deactivatingAnUnknownOrAnotherTenantsUserAnswers404(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account owner = api.tenant(1, 1);
            Account other = api.tenant(1, 1);
            api.post(owner, "/api/v1/users", ANN);

            Reply unknown = api.post(owner, "/api/v1/users/nobody/deactivate", "");
            Reply foreign = api.post(other, "/api/v1/users/u-ann/deactivate", "");

            assertEquals(404, unknown.status(), unknown::toString);
            assertEquals("user_not_found", unknown.text("error"));
            assertEquals(404, foreign.status(), foreign::toString);
            assertEquals("user_not_found", foreign.text("error"));
            assertEquals("ACTIVE", api.post(owner, "/api/v1/users", ANN).text("status"));
        }
    }

    @OnBothDatabases
    void everyBadUserBodyIsA400NamingItsFieldAndAllocatesNothing(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            String[][] cases = {
                    {"", "invalid_json", null}, {"[]", "invalid_json", null}, {"{\"userId\": ", "invalid_json", null},
                    {"{}", "invalid_userId", "userId"}, {"{\"userId\": \"has space\"}", "invalid_userId", "userId"},
                    {"{\"userId\": 42}", "invalid_userId", "userId"},
                    {"{\"userId\": \"u1\", \"conversations\": 99999999999999999999}", "invalid_conversations",
                            "conversations"},
                    {"{\"userId\": \"u1\", \"conversations\": -3}", "invalid_conversations", "conversations"},
                    {"{\"userId\": \"u1\", \"email\": [\"a@b\"]}", "invalid_email", "email"},
                    {"{\"userId\": \"u1\", \"firstName\": \"" + "f".repeat(101) + "\"}", "invalid_firstName",
                            "firstName"}};
            for (String[] c : cases) {
                Reply reply = api.post(account, "/api/v1/users", c[0]);
                assertEquals(400, reply.status(), c[0] + " -> " + reply);
                assertEquals(c[1], reply.text("error"), c[0] + " -> " + reply);
                assertEquals(c[2], reply.text("field"), c[0] + " -> " + reply);
            }
            assertEquals(404, api.post(account, "/api/v1/users/u1/deactivate", "").status());
            assertEquals(201, api.post(account, "/api/v1/users", ANN).status(), "the one license is still free");
        }
    }
}
