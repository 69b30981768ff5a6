package dev.licensebot.core.conversation;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.confirm.ConfirmAction;
import dev.licensebot.core.digest.PoolDigest;
import dev.licensebot.core.history.HistoryQuery;
import dev.licensebot.core.history.Table;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.EndReason;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of the conversation, tested once here for every surface: Slack, Teams and the console
 * only render what these answers carry.
 */
class ConversationTest {

    private static Conversation conversation(TestCore t) {
        return t.core().conversation(ConversationLinks.none());
    }

    private static Caller caller(TestCore t, Tenant tenant, Role role) {
        return new Caller(tenant, t.operator(tenant, role));
    }

    private static AgentSession open(TestCore t, Tenant tenant, String username) {
        return t.core().sessionLicenses().open(tenant, SessionReport.live(null, username, "Slack")).session();
    }

    private static String confirmationOf(Answer answer) {
        if (answer instanceof Answer.TerminationPlanned planned) {
            return planned.plan().confirmation().id();
        }
        return ((Answer.ReplenishPlanned) answer).plan().confirmation().id();
    }

    @OnBothDatabases
    void wordsAreParsedOnceAndAnsweredWithTheMatchingAnswer(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        open(t, tenant, "ann");
        Caller admin = caller(t, tenant, Role.ADVANCED_ADMIN);

        assertInstanceOf(Answer.Usage.class, conversation(t).answer(admin, ""));
        Answer.ActiveAgents active = assertInstanceOf(Answer.ActiveAgents.class,
                conversation(t).answer(admin, "active sort agent desc"));
        assertEquals(1, active.view().sessions().totalRows());
        assertInstanceOf(Answer.HistoryPage.class, conversation(t).answer(admin, "history sessions"));
        assertInstanceOf(Answer.AuditPage.class, conversation(t).answer(admin, "audit"));
        assertInstanceOf(Answer.ReplenishPlanned.class, conversation(t).answer(admin, "replenish +2 session"));
        Answer.Help help = assertInstanceOf(Answer.Help.class, conversation(t).answer(admin, "frobnicate"));
        assertEquals("I did not understand \"frobnicate\".", help.notUnderstood());
    }

    @OnBothDatabases
    void aWordTheParserRefusesIsARefusalNotAnError(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);

        Answer answer = conversation(t).answer(caller(t, tenant, Role.ACCOUNT_ADMIN), "history sessions page zero");

        Answer.Refused refused = assertInstanceOf(Answer.Refused.class, answer);
        assertEquals("invalid_page", refused.refusal().code());
        assertEquals(LicenseMetrics.Outcome.REFUSED, answer.outcome());
    }

    @OnBothDatabases
    void oneConfirmServesTerminateAndReplenishAlike(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        AgentSession ann = open(t, tenant, "ann");
        Caller admin = caller(t, tenant, Role.ADVANCED_ADMIN);
        String terminate = confirmationOf(conversation(t).answer(admin, "terminate " + ann.id()));
        String replenish = confirmationOf(conversation(t).answer(admin, "replenish +3 user PO 9"));

        Answer terminated = conversation(t).press(admin, new Press.Confirm(terminate));
        Answer replenished = conversation(t).press(admin, new Press.Confirm(replenish));

        assertEquals(1, assertInstanceOf(Answer.Terminated.class, terminated).result().terminatedCount());
        assertEquals(8, assertInstanceOf(Answer.Replenished.class, replenished).done().totalAfter());
        assertEquals(EndReason.TERMINATED, t.core().sessionLicenses().require(tenant, ann.id()).endReason());
        assertEquals(LicenseMetrics.Outcome.ANSWERED, terminated.outcome());
    }

    @OnBothDatabases
    void cancellingSaysWhatWasNotDoneAndIsAudited(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        AgentSession ann = open(t, tenant, "ann");
        Caller admin = caller(t, tenant, Role.ADVANCED_ADMIN);
        String terminate = confirmationOf(conversation(t).answer(admin, "terminate " + ann.id()));
        String replenish = confirmationOf(conversation(t).answer(admin, "replenish -1 session"));

        Answer.Cancelled noTermination = assertInstanceOf(Answer.Cancelled.class,
                conversation(t).press(admin, new Press.Cancel(terminate)));
        Answer.Cancelled noReplenish = assertInstanceOf(Answer.Cancelled.class,
                conversation(t).press(admin, new Press.Cancel(replenish)));

        assertEquals(ConfirmAction.TERMINATE, noTermination.action());
        assertEquals("Cancelled: nothing was terminated.", noTermination.sentence());
        assertEquals("Cancelled: the licenses were not changed.", noReplenish.sentence());
        assertEquals(admin.actor().name(), noReplenish.by());
        assertTrue(t.core().sessionLicenses().require(tenant, ann.id()).isOpen());
        List<AuditEntry> audit = t.core().auditTrail().read(tenant, admin.actor(), HistoryQuery.all()).rows().rows();
        assertEquals(List.of("-1 session licenses|cancelled", "sessions " + ann.id() + "|cancelled"),
                audit.stream().filter(e -> e.outcome().equals("cancelled"))
                        .map(e -> e.detail() + "|" + e.outcome()).toList());
    }

    @OnBothDatabases
    void aConfirmationIsForWhoAskedOnceAndOnlyWhileTheyMay(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        Caller ann = caller(t, tenant, Role.ADVANCED_ADMIN);
        Caller bob = caller(t, tenant, Role.ADVANCED_ADMIN);
        String first = confirmationOf(conversation(t).answer(ann, "replenish +1 session"));
        String second = confirmationOf(conversation(t).answer(ann, "replenish +1 session"));

        assertEquals("confirmation_not_yours", refusalCode(conversation(t).press(bob, new Press.Confirm(first))));
        conversation(t).press(ann, new Press.Confirm(first));
        assertEquals("confirmation_used", refusalCode(conversation(t).press(ann, new Press.Confirm(first))));
        assertEquals("confirmation_used", refusalCode(conversation(t).press(ann, new Press.Cancel(first))));
        assertEquals("confirmation_not_found", refusalCode(conversation(t).press(ann, new Press.Confirm("c-nope"))));

        t.core().operators().grant(Actor.cli(tenant.id()), ann.actor().name(), Role.SUPERVISOR);
        assertEquals("not_permitted", refusalCode(conversation(t).press(ann, new Press.Confirm(second))));
        assertEquals(6, totalSessionLicenses(t, tenant), "only the first was applied");
    }

    @OnBothDatabases
    void anotherTenantsConfirmationDoesNotExistHere(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant mine = t.tenant(5, 5);
        Tenant theirs = t.tenant(5, 5);
        String theirConfirmation = confirmationOf(conversation(t).answer(caller(t, theirs, Role.ADVANCED_ADMIN),
                "replenish +4 session"));

        Answer answer = conversation(t).press(caller(t, mine, Role.ADVANCED_ADMIN), new Press.Confirm(theirConfirmation));

        assertEquals("confirmation_not_found", refusalCode(answer));
        assertEquals(5, totalSessionLicenses(t, theirs));
    }

    @OnBothDatabases
    void theDigestIsForAccountAdminsAndCoversBothPools(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);

        Answer.Digest digest = assertInstanceOf(Answer.Digest.class,
                conversation(t).answer(caller(t, tenant, Role.ACCOUNT_ADMIN), "weekly digest"));
        Answer refused = conversation(t).answer(caller(t, tenant, Role.SUPERVISOR), "digest");

        assertEquals(List.of(Pool.SESSION, Pool.USER),
                digest.digest().pools().stream().map(PoolDigest::pool).toList());
        assertEquals("not_permitted", refusalCode(refused));
    }

    @OnBothDatabases
    void theAuditLogIsForAccountAdminsAndShowsOnlyTheirTenant(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant mine = t.tenant(5, 5);
        Tenant theirs = t.tenant(5, 5);
        t.core().replenishments().apply(theirs, Actor.cli(theirs.id()), Pool.SESSION, 7, "theirs");
        t.core().replenishments().apply(mine, Actor.cli(mine.id()), Pool.USER, 2, "mine");

        Answer.AuditPage page = assertInstanceOf(Answer.AuditPage.class,
                conversation(t).answer(caller(t, mine, Role.ACCOUNT_ADMIN), "audit log page 1"));
        Answer refused = conversation(t).answer(caller(t, mine, Role.SUPERVISOR), "audit");

        List<String> details = page.table().rows().stream().map(row -> ((Table.Cell.Text) row.get(4)).text()).toList();
        assertTrue(details.contains("+2 user licenses (mine)"), details::toString);
        assertTrue(details.stream().noneMatch(d -> d.contains("theirs")), details::toString);
        assertEquals(List.of("When", "Who", "Action", "Surface", "What", "Outcome"),
                page.table().columns().stream().map(Table.Column::heading).toList());
        assertEquals("not_permitted", refusalCode(refused));
    }

    @Test
    void anythingButARefusalIsLoggedAndAnsweredWithTheOneApology() {
        // No use cases at all: the first call fails with a NullPointerException, as a bug would.
        Conversation conversation = new Conversation(null, null, null, null, null, null, null, null, null,
                ConversationLinks.none());
        Tenant tenant = new Tenant("t-1", "Acme", ZoneId.of("UTC"), Duration.ofMinutes(30), Instant.EPOCH);

        Answer answer = conversation.answer(new Caller(tenant, Actor.api("t-1")), new LicenseRequest.Usage());

        assertEquals(Answer.Failed.APOLOGY, assertInstanceOf(Answer.Failed.class, answer).sentence());
        assertEquals(LicenseMetrics.Outcome.FAILED, answer.outcome());
    }

    private static int totalSessionLicenses(TestCore t, Tenant tenant) {
        Answer plan = conversation(t).answer(new Caller(tenant, Actor.cli(tenant.id())), "replenish +1 session");
        return assertInstanceOf(Answer.ReplenishPlanned.class, plan).plan().totalBefore();
    }

    private static String refusalCode(Answer answer) {
        return assertInstanceOf(Answer.Refused.class, answer).refusal().code();
    }
}
