package dev.licensebot.core;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.users.UserReport;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No stored name holds a control character or a text-direction override (issue 21): whatever sends
 * it (REST, CLI), the core refuses it naming the field, and stores nothing.
 */
class StoredNamesTest {

    /** NUL, BEL, line feed, ESC, DEL, a C1 control; the right-to-left override and the isolates. */
    private static final List<String> HIDDEN = List.of("\u0000", "\u0007", "\n", "\u001b", "\u007f", "\u0085",
            "\u202a", "\u202e", "\u2066", "\u2069");

    @OnBothDatabases
    void sessionNamesWithHiddenCharactersAreRefusedByFieldAndOpenNothing(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        List<Case<SessionReport>> cases = List.of(
                new Case<>("username", s -> session(s, null, null, null, null, "Chat")),
                new Case<>("email", s -> session(null, s, null, null, null, "Chat")),
                new Case<>("role", s -> session(null, null, s, null, null, "Chat")),
                new Case<>("agentName", s -> session(null, null, null, s, null, "Chat")),
                new Case<>("channel", s -> session(null, null, null, null, s, "Chat")),
                new Case<>("openInteractions.name", s -> session(null, null, null, null, null, s)));
        for (Case<SessionReport> c : cases) {
            for (String hidden : HIDDEN) {
                Refusal refusal = assertThrows(Refusal.class, () -> t.core().sessionLicenses().open(tenant,
                        c.report().apply("ann" + hidden + "x")), c.field() + " with U+" + code(hidden));
                assertEquals(c.field(), refusal.field());
                assertEquals(Refusal.Kind.INVALID_INPUT, refusal.kind());
            }
        }
        assertTrue(t.core().activeSessions().list(tenant, Actor.api(tenant.id()), ActiveSessions.Query.defaults())
                .noneConnected());
    }

    @OnBothDatabases
    void userNamesWithHiddenCharactersAreRefusedByFieldAndAllocateNothing(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        List<Case<UserReport>> cases = List.of(
                new Case<>("username", s -> new UserReport("u1", s, null, null, null, null, null)),
                new Case<>("email", s -> new UserReport("u1", null, s, null, null, null, null)),
                new Case<>("firstName", s -> new UserReport("u1", null, null, s, null, null, null)),
                new Case<>("lastName", s -> new UserReport("u1", null, null, null, s, null, null)),
                new Case<>("role", s -> new UserReport("u1", null, null, null, null, s, null)));
        for (Case<UserReport> c : cases) {
            for (String hidden : HIDDEN) {
                Refusal refusal = assertThrows(Refusal.class, () -> t.core().userLicenses().allocate(tenant,
                        c.report().apply("ann" + hidden + "x")), c.field() + " with U+" + code(hidden));
                assertEquals(c.field(), refusal.field());
            }
        }
        assertEquals("username", assertThrows(Refusal.class, () -> t.core().userLicenses().allocate(tenant,
                new UserReport("u1", "ann\u0000", null, null, null, null, null))).field(), "a NUL at the end too");
        assertTrue(t.core().userLicenses().find(tenant, "u1").isEmpty());
        assertEquals("ann", t.core().userLicenses().allocate(tenant,
                new UserReport("u1", "ann\r\n", null, null, null, null, null)).user().username(),
                "a line break at the end is whitespace around the name, trimmed as before");
    }

    @OnBothDatabases
    void aTenantNameWithHiddenCharactersIsRefused(TestDatabase db) {
        Tenants tenants = TestCore.on(db).core().tenants();
        for (String hidden : HIDDEN) {
            Refusal refusal = assertThrows(Refusal.class, () -> tenants.create(
                    new Tenants.NewTenant("Acme" + hidden + "Corp", "UTC", 1, 1, null)));
            assertEquals("name", refusal.field());
        }
    }

    @OnBothDatabases
    void namesInAnyScriptWithAccentsOrEmojiAreStoredAsSent(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        String name = "Zoë Ørsted-حسن \u05e9\u05dc\u05d5\u05dd \uD83D\uDE00";

        var opened = t.core().sessionLicenses().open(tenant, session(name, null, null, name, null, name));

        assertEquals(name, opened.session().username());
        assertEquals(name, opened.session().agentName());
    }

    private record Case<R>(String field, Function<String, R> report) {
    }

    private static SessionReport session(String username, String email, String role, String agentName, String channel,
                                         String interaction) {
        return new SessionReport(null, StartedBy.AGENT, username, email, role, agentName, channel,
                List.of(new OpenInteraction(interaction, 1)), null, null, null);
    }

    private static String code(String c) {
        return String.format("%04X", (int) c.charAt(0));
    }
}
