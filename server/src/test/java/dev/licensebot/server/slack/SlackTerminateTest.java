package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.ActivityReport;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.EndReason;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.testing.SlackPayloads;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackTerminateTest {

    @OnBothDatabases
    void selectedRowsAreTerminatedAfterConfirmAndTheAgentMustReload(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann", new OpenInteraction("Chat", 2));
            AgentSession bob = f.session("bob");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer list = f.command(admin, "active");

            ObjectNode ticked = SlackPayloads.ticked(list.message(), ActionIds.SELECTION_BLOCK, ActionIds.ACTIVE_SELECT,
                    List.of(ann.id()));
            SlackFixture.Answer confirmation = f.press(admin, list, ActionIds.TERMINATE_SELECTED, ticked);

            String text = confirmation.text();
            assertTrue(text.contains("Terminate 1 session: ann (since 09:00)."), text);
            assertTrue(text.contains("2 open interactions: Chat ×2"), "shows the interactions that will be cut");
            JsonNode confirm = SlackPayloads.element(confirmation.message(), ActionIds.TERMINATE_CONFIRM);
            assertEquals("danger", confirm.path("style").asText());
            assertEquals("danger", confirm.path("confirm").path("style").asText(), "Slack's confirm dialog");
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen(), "nothing before Confirm");

            SlackFixture.Answer result = f.press(admin, confirmation, ActionIds.TERMINATE_CONFIRM);

            assertTrue(result.replacedOriginal(), "the confirmation updates in place with the outcome");
            assertTrue(result.text().contains("Terminated 1 session (ann). By " + admin.actor().name() + "."),
                    result.text());
            AgentSession closed = f.t.core().sessionLicenses().require(f.tenant, ann.id());
            assertEquals(EndReason.TERMINATED, closed.endReason());
            assertEquals(admin.actor().name(), closed.terminatedBy());
            java.net.http.HttpResponse<String> reload = f.heartbeat(ann.id());
            assertEquals(410, reload.statusCode(), "the agent's next heartbeat is answered 410: " + reload.body());
            assertTrue(reload.body().contains("session_closed"), reload.body());
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, bob.id()).isOpen(), "bob was not selected");
        }
    }

    @OnBothDatabases
    void pressingTerminateWithNothingSelectedSaysSo(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer list = f.command(admin, "active");

            SlackFixture.Answer answer = f.press(admin, list, ActionIds.TERMINATE_SELECTED);

            assertTrue(answer.text().contains("No agent is selected"), answer.text());
        }
    }

    @OnBothDatabases
    void terminateByIdReportsSessionsAlreadyClosed(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            AgentSession bob = f.session("bob");
            f.t.core().sessionLicenses().logout(f.tenant, bob.id());
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);

            SlackFixture.Answer plan = f.command(admin, "terminate " + ann.id() + " " + bob.id());

            assertTrue(plan.text().contains("Terminate 1 session: ann"), plan.text());
            assertTrue(plan.text().contains(bob.id() + " (bob) is already closed (logged out)."), plan.text());
        }
    }

    @OnBothDatabases
    void pressingConfirmTwiceChangesNothingTheSecondTimeAndSaysWhy(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer plan = f.command(admin, "terminate " + ann.id());
            f.press(admin, plan, ActionIds.TERMINATE_CONFIRM);

            SlackFixture.Answer second = f.press(admin, plan, ActionIds.TERMINATE_CONFIRM);

            assertFalse(second.replacedOriginal(), "the outcome of the first press stays in place");
            assertTrue(second.text().contains("This was already confirmed by " + admin.actor().name()
                    + " in Slack at 09:00 CET. Nothing more was done."), second.text());
            assertEquals(1, terminations(f), "terminated once");
        }
    }

    @OnBothDatabases
    void aStaleConfirmationDoesNothing(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer plan = f.command(admin, "terminate " + ann.id());
            f.t.clock().advance(Duration.ofMinutes(11));
            f.t.core().sessionLicenses().reportActivity(f.tenant, ann.id(), new ActivityReport(List.of(), null));

            SlackFixture.Answer stale = f.press(admin, plan, ActionIds.TERMINATE_CONFIRM);

            assertTrue(stale.text().contains("This confirmation expired at 09:10 CET. Nothing was done"), stale.text());
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen());
        }
    }

    @OnBothDatabases
    void cancelUsesTheConfirmationUp(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer plan = f.command(admin, "terminate " + ann.id());

            SlackFixture.Answer cancelled = f.press(admin, plan, ActionIds.TERMINATE_CANCEL);
            SlackFixture.Answer late = f.press(admin, plan, ActionIds.TERMINATE_CONFIRM);

            assertTrue(cancelled.replacedOriginal());
            assertTrue(cancelled.text().contains("Cancelled: nothing was terminated."), cancelled.text());
            assertTrue(late.text().contains("This was already cancelled"), late.text());
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen());
        }
    }

    @OnBothDatabases
    void aSupervisorIsRefusedWhenAsking(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Answer refused = f.command(f.person(Role.SUPERVISOR), "terminate " + ann.id());

            assertTrue(refused.text().contains("Only an account admin or higher can terminate sessions; "
                    + "you are a supervisor."), refused.text());
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen());
        }
    }

    @OnBothDatabases
    void anAdminDemotedAfterAskingIsRefusedAtConfirm(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer plan = f.command(admin, "terminate " + ann.id());
            f.t.core().operators().grant(Actor.cli(f.tenant.id()), admin.actor().name(), Role.SUPERVISOR);

            SlackFixture.Answer refused = f.press(admin, plan, ActionIds.TERMINATE_CONFIRM);

            assertTrue(refused.text().contains("Only an account admin or higher can terminate sessions"),
                    refused.text());
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen());
        }
    }

    @OnBothDatabases
    void someoneElseCannotConfirmMyConfirmation(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person asker = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Person other = f.person(Role.ADVANCED_ADMIN);
            SlackFixture.Answer plan = f.command(asker, "terminate " + ann.id());

            SlackFixture.Answer refused = f.press(other, plan, ActionIds.TERMINATE_CONFIRM);

            assertTrue(refused.text().contains("Only " + asker.actor().name() + ", who asked for this, can confirm"),
                    refused.text());
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen());
        }
    }

    static long terminations(SlackFixture f) {
        return f.t.core().audit().recent(f.tenant.id(), 50).stream()
                .filter(e -> e.action().equals("TERMINATE") && e.outcome().startsWith("Terminated")).count();
    }
}
