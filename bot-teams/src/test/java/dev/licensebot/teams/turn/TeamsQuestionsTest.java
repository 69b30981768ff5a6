package dev.licensebot.teams.turn;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.Param;
import dev.licensebot.teams.card.Verb;
import dev.licensebot.teams.identity.Requester;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Confirm and Cancel are one button each for every change, and cards sent before still press as they did. */
class TeamsQuestionsTest {

    private static ActionData press(Verb verb, String confirmationId) {
        return ActionData.of(verb).with(Param.CONFIRMATION, confirmationId);
    }

    @OnBothDatabases
    void theVerbsOfEarlierTerminateAndReplenishCardsStillConfirmAndCancel(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(10, 10);
        Requester who = new Requester(tenant, t.operator(tenant, Role.ADVANCED_ADMIN), "29:someone");
        t.core().sessionLicenses().open(tenant, new SessionReport("s-1", StartedBy.AGENT, "ann", null, "agent",
                null, "Chat", List.of(), 0, null, null));
        Questions questions = new Questions(t.core().conversation(ConversationLinks.none()));

        Answer.TerminationPlanned termination = assertInstanceOf(Answer.TerminationPlanned.class,
                questions.words(who, null, "terminate s-1").answer());
        assertInstanceOf(Answer.Terminated.class, questions.button(who, null,
                press(Verb.CONFIRM_TERMINATION, termination.plan().confirmation().id()), false).answer());

        Answer.ReplenishPlanned replenish = assertInstanceOf(Answer.ReplenishPlanned.class,
                questions.words(who, null, "replenish +2 session licenses").answer());
        Answer.Cancelled cancelled = assertInstanceOf(Answer.Cancelled.class, questions.button(who, null,
                press(Verb.CANCEL_REPLENISH, replenish.plan().confirmation().id()), false).answer());
        assertEquals("Cancelled: the licenses were not changed.", cancelled.sentence());
    }

    @OnBothDatabases
    void aRefreshMayOnlyShow(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(10, 10);
        Requester who = new Requester(tenant, t.operator(tenant, Role.ADVANCED_ADMIN), "29:someone");
        Questions questions = new Questions(t.core().conversation(ConversationLinks.none()));

        assertInstanceOf(Answer.AuditPage.class, questions.button(who, null, ActionData.of(Verb.AUDIT), true).answer());
        Refusal refused = assertThrows(Refusal.class,
                () -> questions.button(who, null, press(Verb.CONFIRM, "c-1"), true));
        assertEquals("A card refresh cannot confirm anything; nothing was done.", refused.userMessage());
    }
}
