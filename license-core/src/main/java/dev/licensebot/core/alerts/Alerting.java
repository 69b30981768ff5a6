package dev.licensebot.core.alerts;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.PoolChanges;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import dev.licensebot.core.db.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rounds of this node's alerts: a periodic round evaluates every watched tenant (those with a
 * subscription that is on) and delivers what is due; between rounds, a change to a watched
 * tenant's pools is evaluated and delivered at once. Only watched tenants are queued, so the queue
 * can never hold more than they are, whatever the platform reports.
 */
public final class Alerting {

    private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);

    private final Repositories repositories;
    private final Tenants tenants;
    private final Clock clock;
    private final AlertWatch watch;
    private final AlertDeliveries deliveries;
    private final DigestSending digests;
    private volatile Set<String> watched = Set.of();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile Executor nudges;

    public Alerting(Repositories repositories, Tenants tenants, Clock clock, AlertWatch watch,
                    AlertDeliveries deliveries, DigestSending digests, PoolChanges changes) {
        this.repositories = repositories;
        this.tenants = tenants;
        this.clock = clock;
        this.watch = watch;
        this.deliveries = deliveries;
        this.digests = digests;
        changes.listen(this::changed);
    }

    /** Where posting happens: the adapters register their posters here at start-up. */
    public AlertDeliveries deliveries() {
        return deliveries;
    }

    /** Changes are evaluated on {@code executor} from now on (a server node; elsewhere only rounds run). */
    public void evaluateChangesOn(Executor executor) {
        this.nudges = executor;
        try {
            refreshWatched();
        } catch (RuntimeException e) {
            LOG.warn("Could not read which tenants have alerts on; the first round reads it again: {}", e.toString());
        }
    }

    /** One periodic round: every watched tenant, then every due delivery and digest. */
    public void round() {
        refreshWatched();
        for (String tenantId : watched) {
            evaluateOrLog(tenantId);
        }
        deliveries.deliverDue();
        digests.sendDue();
    }

    /** The weekly digest: sent on schedule by the rounds, or asked for now. */
    public DigestSending digests() {
        return digests;
    }

    /** Evaluates one tenant now and delivers what that changed: a test's or the CLI's round. */
    public void evaluate(String tenantId) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        tenant.ifPresent(t -> watch.evaluate(t, clock.instant()));
    }

    /** One tenant that cannot be evaluated now must not keep the others, or the deliveries, waiting. */
    private void evaluateOrLog(String tenantId) {
        try {
            evaluate(tenantId);
        } catch (DatabaseUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Evaluating the alerts of tenant {} failed; the next round tries again", tenantId, e);
        }
    }

    void refreshWatched() {
        watched = Set.copyOf(repositories.with(SubscriptionRepository.class, SubscriptionRepository::watchedTenants));
    }

    private void changed(String tenantId) {
        Executor executor = nudges;
        if (executor == null || !watched.contains(tenantId)) {
            return;
        }
        changed.add(tenantId);
        if (queued.compareAndSet(false, true)) {
            try {
                executor.execute(this::evaluateChanged);
            } catch (RejectedExecutionException stopping) {
                // The node is stopping; whichever node runs the next round sees the change.
                queued.set(false);
            }
        }
    }

    private void evaluateChanged() {
        queued.set(false);
        List<String> now = List.copyOf(changed);
        changed.removeAll(now);
        try {
            now.forEach(this::evaluate);
            deliveries.deliverDue();
        } catch (RuntimeException e) {
            // The periodic round looks at these tenants again; one line is enough.
            LOG.warn("Evaluating alerts after a change failed; the next round tries again: {}", e.toString());
        }
    }
}
