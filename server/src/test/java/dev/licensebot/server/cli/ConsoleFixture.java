package dev.licensebot.server.cli;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.console.ConsoleUser;

import java.util.Arrays;
import java.util.List;

/**
 * A tenant (Europe/Berlin, 20 session licenses, clock at 09:00 CET) with one operator, and the
 * console run as that operator through the real CLI, input typed on stdin.
 */
final class ConsoleFixture {

    static final String PROMPT = "licenses> ";

    final TestCore t;
    final Tenant tenant;
    final String email;
    private final TestDatabase db;

    private ConsoleFixture(TestDatabase db, Role role) {
        this.db = db;
        this.t = TestCore.on(db);
        this.tenant = t.tenant(20, 35);
        this.email = role.name().toLowerCase().replace('_', '-') + "@example.com";
        t.core().operators().grant(Actor.cli(tenant.id()), email, role);
    }

    static ConsoleFixture as(TestDatabase db, Role role) {
        return new ConsoleFixture(db, role);
    }

    /** A live session with this client id; a null username is a Guest. */
    void open(String sessionId, String username, OpenInteraction... interactions) {
        t.core().sessionLicenses().open(tenant, new SessionReport(sessionId, StartedBy.AGENT, username, null, null,
                null, "Web widget", List.of(interactions), 0, null, null));
    }

    /** The console's user for driving {@link dev.licensebot.server.console.Console} directly, as the CLI builds it. */
    ConsoleUser user(Actor actor) {
        return new ConsoleUser(new Caller(tenant, actor), t.core().conversation(ConversationLinks.none()));
    }

    CliHarness.Result typing(String typed) {
        return CliHarness.typing(db.settings(), t.clock(), typed, "console", "--tenant", tenant.id(), "--as", email);
    }

    /** What was printed after each prompt: [0] is the greeting, [i] the answer to the i-th line typed. */
    static List<String> answers(CliHarness.Result result) {
        return Arrays.stream(result.out().split(PROMPT, -1)).map(String::strip).toList();
    }

    /** The rows of the table in an answer: its lines that start with a session id of these tests. */
    static List<String> sessionRows(String answer) {
        return answer.lines().filter(l -> l.startsWith("s-")).toList();
    }
}
