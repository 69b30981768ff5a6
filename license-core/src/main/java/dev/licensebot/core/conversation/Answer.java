package dev.licensebot.core.conversation;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.alerts.AlertsView;
import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.confirm.ConfirmAction;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.history.Table;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.replenish.ReplenishPlan;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.TerminationPlan;
import dev.licensebot.core.sessions.TerminationResult;
import dev.licensebot.core.usage.UsageOverview;

import java.util.List;

/**
 * Everything the conversation can answer. Each surface renders this with one {@link Renderer}, so a
 * new kind of answer does not compile until Slack, Teams and the console all show it.
 */
public sealed interface Answer {

    /**
     * One method per kind of answer: each surface implements this once, so a new kind of answer does
     * not compile until every surface shows it.
     */
    interface Renderer<T> {
        T usage(Usage answer);

        T activeAgents(ActiveAgents answer);

        T historyPage(HistoryPage answer);

        T auditPage(AuditPage answer);

        T digest(Digest answer);

        T terminationPlanned(TerminationPlanned answer);

        T terminated(Terminated answer);

        T replenishPlanned(ReplenishPlanned answer);

        T replenished(Replenished answer);

        T cancelled(Cancelled answer);

        T refused(Refused answer);

        T failed(Failed answer);

        T alerts(Alerts answer);

        T help(Help answer);
    }

    <T> T render(Renderer<T> renderer);

    /** How the interaction ended, for the surface's metrics. */
    default LicenseMetrics.Outcome outcome() {
        return LicenseMetrics.Outcome.ANSWERED;
    }

    record Usage(UsageOverview overview) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.usage(this);
        }
    }

    /** The Active Agents list; {@code query} is what was shown, for paging and sorting from here. */
    record ActiveAgents(ActiveSessions.Query query, ActiveSessions.View view) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.activeAgents(this);
        }
    }

    /** A page of the user, session or purchase history. */
    record HistoryPage(LicenseRequest.History request, HistoryView<?> view, Table table) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.historyPage(this);
        }
    }

    /** A page of the audit log. */
    record AuditPage(LicenseRequest.Audit request, HistoryView<AuditEntry> view, Table table) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.auditPage(this);
        }
    }

    /** The weekly digest. */
    record Digest(dev.licensebot.core.digest.Digest digest) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.digest(this);
        }
    }

    /** What a termination would do, with the confirmation to press when there is something to do. */
    record TerminationPlanned(TerminationPlan plan) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.terminationPlanned(this);
        }
    }

    record Terminated(TerminationResult result) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.terminated(this);
        }
    }

    record ReplenishPlanned(ReplenishPlan plan) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.replenishPlanned(this);
        }
    }

    record Replenished(Replenishment done) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.replenished(this);
        }
    }

    /** A Cancel pressed: nothing was done, in one sentence per action. */
    record Cancelled(ConfirmAction action, String by) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.cancelled(this);
        }

        /** "Cancelled: nothing was terminated." */
        public String sentence() {
            return switch (action) {
                case TERMINATE -> "Cancelled: nothing was terminated.";
                case REPLENISH -> "Cancelled: the licenses were not changed.";
            };
        }
    }

    /** The core said no: its sentence is for the asker, its kind for the surface's colour or status. */
    record Refused(Refusal refusal) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.refused(this);
        }

        @Override
        public LicenseMetrics.Outcome outcome() {
            return LicenseMetrics.Outcome.REFUSED;
        }
    }

    /** Something broke on our side; the details went to the log, never to the asker. */
    record Failed() implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.failed(this);
        }

        public static final String APOLOGY = "Sorry, something went wrong on our side and nothing was changed. "
                + "Please try again; if it keeps happening, your licensebot operator can find the details in the "
                + "server log.";

        public String sentence() {
            return APOLOGY;
        }

        @Override
        public LicenseMetrics.Outcome outcome() {
            return LicenseMetrics.Outcome.FAILED;
        }
    }

    /** Where alerts go, the levels, the incidents, after the sentence of what was just done. */
    record Alerts(AlertsView view) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.alerts(this);
        }
    }

    /** What this person may ask; {@code unknownWords} names what was not understood. */
    record Help(List<HelpTopics.Topic> topics, List<String> unknownWords) implements Answer {

        @Override
        public <T> T render(Renderer<T> renderer) {
            return renderer.help(this);
        }

        public Help {
            topics = List.copyOf(topics);
            unknownWords = List.copyOf(unknownWords);
        }

        /** "I did not understand "foo"." or null. */
        public String notUnderstood() {
            return HelpTopics.notUnderstood(unknownWords);
        }
    }
}
