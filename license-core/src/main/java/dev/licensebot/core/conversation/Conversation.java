package dev.licensebot.core.conversation;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.Alerts;
import dev.licensebot.core.audit.AuditTrail;
import dev.licensebot.core.confirm.ConfirmAction;
import dev.licensebot.core.confirm.Confirmations;
import dev.licensebot.core.digest.Digests;
import dev.licensebot.core.history.Histories;
import dev.licensebot.core.history.HistoryQuery;
import dev.licensebot.core.history.HistoryTables;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.replenish.Replenishments;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.Terminations;
import dev.licensebot.core.usage.UsageReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The use case behind every chat surface: a caller asks ({@link #answer}) or presses a button
 * ({@link #press}), and gets one {@link Answer}. The step from a request to the right core call,
 * and the error policy (a refusal is an answer; anything else is logged and apologised for), live
 * here once instead of once per surface.
 */
public final class Conversation {

    private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);

    private final UsageReport usage;
    private final ActiveSessions activeSessions;
    private final Histories histories;
    private final AuditTrail auditTrail;
    private final Digests digests;
    private final Terminations terminations;
    private final Replenishments replenishments;
    private final Confirmations confirmations;
    private final HistoryTables tables;
    private final Alerts alerts;

    public Conversation(UsageReport usage, ActiveSessions activeSessions, Histories histories, AuditTrail auditTrail,
                        Digests digests, Terminations terminations, Replenishments replenishments,
                        Confirmations confirmations, Alerts alerts, ConversationLinks links) {
        this.usage = usage;
        this.activeSessions = activeSessions;
        this.histories = histories;
        this.auditTrail = auditTrail;
        this.digests = digests;
        this.terminations = terminations;
        this.replenishments = replenishments;
        this.confirmations = confirmations;
        this.tables = new HistoryTables(links);
        this.alerts = alerts;
    }

    /** Words as typed: parsed once here, so a word the parser refuses is answered like any refusal. */
    public Answer answer(Caller caller, String words) {
        return answer(caller, null, words);
    }

    /** Words typed in a chat place ({@code here}), which "alerts on" and "alerts off" are about. */
    public Answer answer(Caller caller, AlertPlace here, String words) {
        return safely(caller, "words", () -> respond(caller, here, RequestParser.parse(words)));
    }

    public Answer answer(Caller caller, LicenseRequest request) {
        return answer(caller, null, request);
    }

    public Answer answer(Caller caller, AlertPlace here, LicenseRequest request) {
        return safely(caller, request.getClass().getSimpleName(), () -> respond(caller, here, request));
    }

    /** Confirm or Cancel: the confirmation itself says what it waits for. */
    public Answer press(Caller caller, Press press) {
        return safely(caller, press.getClass().getSimpleName(), () -> {
            ConfirmAction action = confirmations.actionOf(caller.tenant().id(), press.confirmationId());
            return press instanceof Press.Confirm
                    ? confirm(caller, action, press.confirmationId())
                    : cancel(caller, action, press.confirmationId());
        });
    }

    private Answer respond(Caller caller, AlertPlace here, LicenseRequest request) {
        return request.accept(new LicenseRequest.Visitor<>() {
            @Override
            public Answer usage(LicenseRequest.Usage request) {
                return new Answer.Usage(usage.overview(caller.tenant(), caller.actor()));
            }

            @Override
            public Answer active(LicenseRequest.Active request) {
                return Conversation.this.active(caller, request);
            }

            @Override
            public Answer history(LicenseRequest.History request) {
                return Conversation.this.history(caller, request);
            }

            @Override
            public Answer audit(LicenseRequest.Audit request) {
                return Conversation.this.audit(caller, request);
            }

            @Override
            public Answer digest(LicenseRequest.Digest request) {
                return new Answer.Digest(digests.weekly(caller.tenant(), caller.actor()));
            }

            @Override
            public Answer terminate(LicenseRequest.Terminate request) {
                return new Answer.TerminationPlanned(terminations.request(caller.tenant(), caller.actor(),
                        request.sessionIds()));
            }

            @Override
            public Answer replenish(LicenseRequest.Replenish request) {
                return new Answer.ReplenishPlanned(replenishments.request(caller.tenant(), caller.actor(),
                        request.pool(), request.delta(), request.reason()));
            }

            @Override
            public Answer replenishForm(LicenseRequest.ReplenishForm request) {
                return new Answer.ReplenishPlanned(replenishments.request(caller.tenant(), caller.actor(),
                        request.pool(), request.amount(), request.reason()));
            }

            @Override
            public Answer alerts(LicenseRequest.Alerts request) {
                return new Answer.Alerts(alerts.answer(caller.tenant(), caller.actor(), here, request.change()));
            }

            @Override
            public Answer help(LicenseRequest.Help request) {
                return new Answer.Help(HelpTopics.forActor(caller.actor()), request.unknownWords());
            }
        });
    }

    private Answer active(Caller caller, LicenseRequest.Active request) {
        ActiveSessions.Query query = new ActiveSessions.Query(request.sort(), request.order(),
                PageRequest.of(request.page()));
        return new Answer.ActiveAgents(query, activeSessions.list(caller.tenant(), caller.actor(), query));
    }

    private Answer history(Caller caller, LicenseRequest.History request) {
        HistoryQuery query = new HistoryQuery(request.since(), PageRequest.of(request.page()));
        return switch (request.kind()) {
            case USERS -> {
                var view = histories.users(caller.tenant(), caller.actor(), query);
                yield new Answer.HistoryPage(request, view, tables.users(view));
            }
            case SESSIONS -> {
                var view = histories.sessions(caller.tenant(), caller.actor(), query);
                yield new Answer.HistoryPage(request, view, tables.sessions(view));
            }
            case PURCHASES -> {
                var view = histories.purchases(caller.tenant(), caller.actor(), query);
                yield new Answer.HistoryPage(request, view, tables.purchases(view));
            }
        };
    }

    private Answer audit(Caller caller, LicenseRequest.Audit request) {
        var view = auditTrail.read(caller.tenant(), caller.actor(),
                new HistoryQuery(request.since(), PageRequest.of(request.page())));
        return new Answer.AuditPage(request, view, tables.audit(view));
    }

    private Answer confirm(Caller caller, ConfirmAction action, String confirmationId) {
        return switch (action) {
            case TERMINATE -> new Answer.Terminated(
                    terminations.confirm(caller.tenant(), caller.actor(), confirmationId));
            case REPLENISH -> new Answer.Replenished(
                    replenishments.confirm(caller.tenant(), caller.actor(), confirmationId));
        };
    }

    private Answer cancel(Caller caller, ConfirmAction action, String confirmationId) {
        switch (action) {
            case TERMINATE -> terminations.cancel(caller.tenant(), caller.actor(), confirmationId);
            case REPLENISH -> replenishments.cancel(caller.tenant(), caller.actor(), confirmationId);
        }
        return new Answer.Cancelled(action, caller.actor().name());
    }

    private static Answer safely(Caller caller, String what, Supplier<Answer> answer) {
        try {
            return answer.get();
        } catch (Refusal refusal) {
            return new Answer.Refused(refusal);
        } catch (RuntimeException e) {
            LOG.error("Answering {} for {} of tenant {} failed", what, caller.actor().name(), caller.tenant().id(), e);
            return new Answer.Failed();
        }
    }
}
