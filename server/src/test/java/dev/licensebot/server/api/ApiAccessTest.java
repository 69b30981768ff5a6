package dev.licensebot.server.api;

import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;

import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiAccessTest {

    @OnBothDatabases
    void everyCallWithoutAKeyIsRefusedWith401AndChangesNothing(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            Reply[] replies = {
                    api.post(null, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"x\"}"),
                    api.get(null, "/api/v1/sessions"),
                    api.post(null, "/api/v1/sessions/x/activity", "{}"),
                    api.delete(null, "/api/v1/sessions/x"),
                    api.post(null, "/api/v1/users", "{\"userId\": \"u1\"}"),
                    api.post(null, "/api/v1/users/u1/deactivate", ""),
                    api.get(null, "/api/v1/usage"),
                    api.get(null, "/api/v1/history/users"),
                    api.getCsv(null, "/api/v1/history/sessions"),
                    api.get(null, "/api/v1/history/purchases"),
                    api.get(null, "/api/v1/nothing-here")};

            for (Reply reply : replies) {
                assertEquals(401, reply.status(), reply::toString);
                assertEquals("unauthorized", reply.text("error"));
                assertTrue(reply.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            }
            assertEquals(0, api.get(account, "/api/v1/sessions").json().get("totalItems").asInt());
            assertEquals(0, api.get(account, "/api/v1/history/users").json().get("totalItems").asInt());
        }
    }

    @OnBothDatabases
    void aWrongKeyOrAnotherSchemeIsRefusedWith401(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            String[] headers = {"Bearer lb_not-a-key", "Bearer ", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "lb_bare-key",
                    "Bearer " + "x".repeat(5000)};
            for (String header : headers) {
                Reply reply = api.send(HttpRequest.newBuilder(api.uri("/api/v1/sessions"))
                        .header("Authorization", header).GET());
                assertEquals(401, reply.status(), header + " -> " + reply);
                assertEquals("unauthorized", reply.text("error"));
            }
        }
    }

    @OnBothDatabases
    void theBearerSchemeIsAcceptedInAnyCase(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);

            Reply reply = api.send(HttpRequest.newBuilder(api.uri("/api/v1/sessions"))
                    .header("Authorization", "bearer " + account.key()).GET());

            assertEquals(200, reply.status(), reply::toString);
        }
    }

    @OnBothDatabases
    void anotherTenantsKeySeesNoneOfItsSessions(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account owner = api.tenant(2, 2);
            Account other = api.tenant(2, 2);
            api.post(owner, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"mine\", \"username\": \"ann\"}");

            Reply beat = api.post(other, "/api/v1/sessions/mine/activity", "{}");
            Reply logout = api.delete(other, "/api/v1/sessions/mine");
            Reply list = api.get(other, "/api/v1/sessions");
            Reply csv = api.getCsv(other, "/api/v1/sessions");

            assertEquals(404, beat.status(), beat::toString);
            assertEquals("session_not_found", beat.text("error"));
            assertEquals(404, logout.status(), logout::toString);
            assertEquals(0, list.json().get("totalItems").asInt());
            assertEquals(1, csv.body().lines().count(), "only the header row");
            assertEquals("OPEN", api.post(owner, "/api/v1/sessions/mine/activity", "{}").text("status"),
                    "the owner's session is untouched");
        }
    }

    @OnBothDatabases
    void twoTenantsMayUseTheSameClientSessionIdIndependently(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account first = api.tenant(1, 1);
            Account second = api.tenant(1, 1);

            Reply a = api.post(first, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"shared\", \"username\": \"ann\"}");
            Reply b = api.post(second, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"shared\", \"username\": \"bob\"}");

            assertEquals(201, a.status(), a::toString);
            assertEquals(201, b.status(), b::toString);
            assertEquals("bob", b.text("agent"));
        }
    }

    @OnBothDatabases
    void anUnknownRouteOrMethodAnswers404AsJson(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            Reply[] replies = {
                    api.get(account, "/api/v1/nothing-here"),
                    api.get(null, "/no-such-page"),
                    api.send(api.request(account, "/api/v1/sessions").PUT(HttpRequest.BodyPublishers.ofString("{}"))),
                    api.get(account, "/api/v1/sessions/abc")};

            for (Reply reply : replies) {
                assertEquals(404, reply.status(), reply::toString);
                assertEquals("not_found", reply.text("error"));
                assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
            }
        }
    }

    @OnBothDatabases
    void healthAndReadinessAnswerWithoutAKey(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            assertEquals(200, api.get(null, "/healthz").status());
            Reply ready = api.get(null, "/readyz");
            assertEquals(200, ready.status(), ready::toString);
            assertEquals("ready", ready.text("status"));
        }
    }
}
