package dev.licensebot.core;

import dev.licensebot.core.access.ChatIdentity;
import dev.licensebot.core.alerts.AlertDeliveries;
import dev.licensebot.core.alerts.AlertWatch;
import dev.licensebot.core.alerts.Alerting;
import dev.licensebot.core.alerts.Alerts;
import dev.licensebot.core.alerts.DigestSending;
import dev.licensebot.core.tenant.PoolChanges;
import dev.licensebot.core.access.DemoSeat;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.audit.AuditTrail;
import dev.licensebot.core.confirm.ConfirmedChanges;
import dev.licensebot.core.conversation.Conversation;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.confirm.Confirmations;
import dev.licensebot.core.chat.ChatConversations;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.digest.Digests;
import dev.licensebot.core.history.Histories;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.replenish.Replenishments;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.SessionLicenses;
import dev.licensebot.core.sessions.Terminations;
import dev.licensebot.core.sessions.TimeoutSweeper;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.usage.PeakKeeper;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.core.users.UserLicenses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Every use case of the core, built once on one database and clock. Adapters and the server take
 * what they need from here; there is no container and no reflection.
 */
public final class LicenseCore {

    private final Jdbi jdbi;
    private final LicenseMetrics metrics;
    private final Tenants tenants;
    private final AuditLog audit;
    private final Operators operators;
    private final SessionLicenses sessionLicenses;
    private final ActiveSessions activeSessions;
    private final TimeoutSweeper timeoutSweeper;
    private final UserLicenses userLicenses;
    private final UsageReport usage;
    private final PeakKeeper peakKeeper;
    private final UsageCharts charts = new UsageCharts();
    private final Histories histories;
    private final AuditTrail auditTrail;
    private final Digests digests;
    private final Confirmations confirmations;
    private final Terminations terminations;
    private final Replenishments replenishments;
    private final ChatConversations chatConversations;
    private final PoolChanges poolChanges = new PoolChanges();
    private final Alerting alerting;
    private final Alerts alerts;

    /** Counting into memory only: for the CLI and tests, where nobody scrapes. */
    public LicenseCore(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, new SimpleMeterRegistry());
    }

    /** Counting into {@code registry}, which the server exposes at /metrics. */
    public LicenseCore(Jdbi jdbi, Clock clock, MeterRegistry registry) {
        this.jdbi = jdbi;
        this.metrics = new LicenseMetrics(registry);
        Repositories repositories = new Repositories(jdbi);
        this.tenants = new Tenants(jdbi, repositories, clock);
        this.audit = new AuditLog(jdbi, repositories, clock);
        this.operators = new Operators(jdbi, repositories, clock, audit);
        this.sessionLicenses = new SessionLicenses(jdbi, repositories, clock, metrics, poolChanges);
        this.activeSessions = new ActiveSessions(jdbi, repositories, clock, operators);
        this.timeoutSweeper = new TimeoutSweeper(jdbi, repositories, clock, metrics);
        this.userLicenses = new UserLicenses(jdbi, repositories, clock, metrics, poolChanges);
        this.usage = new UsageReport(jdbi, repositories, clock, operators);
        this.peakKeeper = new PeakKeeper(jdbi, repositories, clock);
        this.histories = new Histories(jdbi, repositories, clock, operators);
        this.auditTrail = new AuditTrail(jdbi, repositories, clock, operators);
        this.digests = new Digests(repositories, clock, operators, usage);
        this.confirmations = new Confirmations(jdbi, repositories, clock);
        ConfirmedChanges changes = new ConfirmedChanges(jdbi, repositories, operators, confirmations, audit, metrics);
        this.terminations = new Terminations(jdbi, repositories, clock, operators, confirmations, changes, metrics);
        this.replenishments = new Replenishments(jdbi, repositories, clock, operators, confirmations, changes, audit);
        this.chatConversations = new ChatConversations(jdbi, repositories);
        AlertWatch watch = new AlertWatch(jdbi, repositories, digests::fullAround);
        AlertDeliveries deliveries = new AlertDeliveries(repositories, tenants, audit, clock, UUID.randomUUID().toString());
        DigestSending digestSending = new DigestSending(repositories, tenants, digests, deliveries, audit, clock);
        this.alerting = new Alerting(repositories, tenants, clock, watch, deliveries, digestSending, poolChanges);
        this.alerts = new Alerts(jdbi, repositories, clock, operators, audit, alerting);
        metrics.activeSessions(activeSessions::countAcrossTenants);
    }

    /**
     * The same use cases on the same database, as of another clock, counting into memory only: for
     * writing what happened earlier (the demo tenant's past) exactly as it would have been written then.
     */
    public LicenseCore at(Clock clock) {
        return new LicenseCore(jdbi, clock);
    }

    /** The counters; adapters count their interactions here, the server exposes the registry. */
    public LicenseMetrics metrics() {
        return metrics;
    }

    public Tenants tenants() {
        return tenants;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Who writes in a chat on {@code surface}; {@code demo} only for the demo server. */
    public ChatIdentity chatIdentity(Surface surface, Optional<DemoSeat> demo) {
        return new ChatIdentity(tenants(), operators(), surface, demo, audit);
    }

    public Operators operators() {
        return operators;
    }

    public SessionLicenses sessionLicenses() {
        return sessionLicenses;
    }

    public ActiveSessions activeSessions() {
        return activeSessions;
    }

    public TimeoutSweeper timeoutSweeper() {
        return timeoutSweeper;
    }

    public UserLicenses userLicenses() {
        return userLicenses;
    }

    public UsageReport usage() {
        return usage;
    }

    /**
     * Computes completed days' peaks as days close, and today's settled part, ahead of the usage
     * calls; the server runs it periodically. It remembers what it visited, so keep using this one.
     */
    public PeakKeeper peakKeeper() {
        return peakKeeper;
    }

    /** The usage graph's renderer and its cache, one per node. */
    public UsageCharts charts() {
        return charts;
    }

    public Histories histories() {
        return histories;
    }

    /** Reading the audit log ({@link #audit()} writes it). */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** The weekly digest: each pool's week against its 30 days, and the sizing line. */
    public Digests digests() {
        return digests;
    }

    /**
     * The use case every chat surface asks: one per surface, with the links its counts carry to the
     * platform's conversation history.
     */
    public Conversation conversation(ConversationLinks links) {
        return new Conversation(usage, activeSessions, histories, auditTrail, digests, terminations, replenishments,
                confirmations, alerts, links);
    }

    public Confirmations confirmations() {
        return confirmations;
    }

    public Terminations terminations() {
        return terminations;
    }

    /** The chat conversations the bot was added to, where it may write first. */
    public ChatConversations chatConversations() {
        return chatConversations;
    }

    /** Turning alerts on and off, levels, and the buttons of an alert. */
    public Alerts alerts() {
        return alerts;
    }

    /** This node's evaluation and delivery of alerts; the server runs its rounds. */
    public Alerting alerting() {
        return alerting;
    }

    /** Said when licenses are taken, released or refused; the alerts listen. */
    public PoolChanges poolChanges() {
        return poolChanges;
    }

    public Replenishments replenishments() {
        return replenishments;
    }
}
