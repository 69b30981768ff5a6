package dev.licensebot.core.conversation;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.conversation.LicenseRequest.Active;
import dev.licensebot.core.conversation.LicenseRequest.Help;
import dev.licensebot.core.conversation.LicenseRequest.History;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.conversation.LicenseRequest.Replenish;
import dev.licensebot.core.conversation.LicenseRequest.Terminate;
import dev.licensebot.core.conversation.LicenseRequest.Usage;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.tenant.Pool;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.licensebot.core.conversation.RequestParser.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestParserTest {

    @Test
    void theBareCommandAndUsageWordsAskForUsage() {
        assertEquals(new Usage(), parse(""));
        assertEquals(new Usage(), parse("  usage "));
        assertEquals(new Usage(), parse("<at>licensebot</at> Licenses"));
        assertEquals(new Usage(), parse("<@U123ABC> show me the usage please"));
    }

    @Test
    void activeAgentsAreAskedForInManyWays() {
        Active defaults = new Active(null, null, 1);
        assertEquals(defaults, parse("active"));
        assertEquals(defaults, parse("Show ACTIVE agents"));
        assertEquals(defaults, parse("who is online"));
        assertEquals(new Active(SessionSort.AGENT, SortOrder.DESC, 2), parse("active sort agent desc page 2"));
        assertEquals(new Active(SessionSort.INTERACTIONS, SortOrder.ASC, 3), parse("page 3 asc agents sorted by interactions"));
    }

    @Test
    void historiesNameTheirKindSinceAndPage() {
        assertEquals(new History(HistoryKind.USERS, null, 1), parse("history users"));
        assertEquals(new History(HistoryKind.SESSIONS, LocalDate.of(2026, 3, 1), 2),
                parse("history sessions since 2026-03-01 page 2"));
        assertEquals(new History(HistoryKind.PURCHASES, null, 1), parse("purchase history"));
        assertEquals(new History(HistoryKind.PURCHASES, null, 1), parse("History Purchases"));
        assertEquals(new History(HistoryKind.SESSIONS, null, 2, true), parse("history sessions wide page 2"));
    }

    @Test
    void theWeeklyDigestIsAskedForByItsName() {
        assertEquals(new LicenseRequest.Digest(), parse("digest"));
        assertEquals(new LicenseRequest.Digest(), parse("<@U123ABC> show me the weekly digest please"));
        assertEquals(new LicenseRequest.Digest(), parse("Weekly"));
        assertEquals(new Help(List.of("tomorrow")), parse("digest tomorrow"));
    }

    @Test
    void theAuditLogIsAskedForWithASinceAndAPage() {
        assertEquals(new LicenseRequest.Audit(null, 1), parse("audit"));
        assertEquals(new LicenseRequest.Audit(LocalDate.of(2026, 12, 1), 3), parse("audit log since 2026-12-01 page 3"));
        assertEquals(new Help(List.of("yesterday")), parse("audit yesterday"));
    }

    @Test
    void terminateKeepsTheIdsAsTyped() {
        assertEquals(new Terminate(List.of("S-123", "s-abc")), parse("terminate S-123, s-abc"));
        assertEquals(new Terminate(List.of("s-1")), parse("terminate session s-1"));
        assertEquals(new Terminate(List.of()), parse("terminate"));
    }

    @Test
    void replenishReadsSignAmountPoolAndReason() {
        assertEquals(new Replenish(10, Pool.SESSION, "PO 4711"), parse("replenish +10 session PO 4711"));
        assertEquals(new Replenish(-5, Pool.USER, null), parse("replenish -5 users"));
        assertEquals(new Replenish(10, Pool.SESSION, "the new team starts"),
                parse("replenish 10 session licenses because the new team starts"));
        assertEquals(new Replenish(-3, Pool.USER, null), parse("remove 3 user licenses"));
    }

    @Test
    void unknownWordsGetHelpThatNamesThem() {
        assertEquals(new Help(List.of()), parse("help"));
        assertEquals(new Help(List.of("frobnicate")), parse("frobnicate"));
        assertEquals(new Help(List.of("yesterday")), parse("active yesterday"));
    }

    @Test
    void badValuesAreRefusedNamingThem() {
        assertEquals("invalid_sort", assertThrows(Refusal.class, () -> parse("active sort colour")).code());
        assertEquals("invalid_page", assertThrows(Refusal.class, () -> parse("active page zero")).code());
        assertEquals("invalid_page", assertThrows(Refusal.class, () -> parse("active page 0")).code());
        assertEquals("invalid_page", assertThrows(Refusal.class, () -> parse("active page 99999999999")).code());
        assertEquals("invalid_since", assertThrows(Refusal.class, () -> parse("history users since 2026-13-01")).code());
        assertEquals("invalid_history", assertThrows(Refusal.class, () -> parse("history")).code());
        assertEquals("invalid_delta", assertThrows(Refusal.class, () -> parse("replenish 99999999999 session")).code());
        assertEquals("invalid_pool", assertThrows(Refusal.class, () -> parse("replenish +5 seats")).code());
        assertEquals("invalid_sort", assertThrows(Refusal.class, () -> parse("active sort")).code());
    }
}
