package dev.licensebot.core.alerts;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.PoolOccupancy;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates one tenant: opens, escalates and resolves its incidents from the pools' standing and
 * the denials since the last evaluation. It reads one row per pool and counts the new denials
 * through their index, so its cost grows with the tenants watched, never with their sessions or
 * history. Any node may evaluate any tenant: the tenant's watch row is locked for the evaluation,
 * so two nodes take turns and each sees what the other wrote.
 */
public final class AlertWatch {

    /** Usage under the lowest level, without a denial, this long: the incident is resolved. */
    public static final Duration QUIET_PERIOD = Duration.ofMinutes(15);

    /** For each pool whose daily peaks' trend reaches its total within the horizon, the day it does. */
    @FunctionalInterface
    public interface ForecastSource {
        Map<Pool, LocalDate> fullOn(Tenant tenant, Instant now);
    }

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final ForecastSource forecasts;

    public AlertWatch(Jdbi jdbi, Repositories repositories, ForecastSource forecasts) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.forecasts = forecasts;
    }

    /** Brings the tenant's incidents up to {@code now}; true when any message has something new to show. */
    public boolean evaluate(Tenant tenant, Instant now) {
        Map<Pool, Optional<LocalDate>> forecast = forecastIfDue(tenant, now);
        return jdbi.inTransaction(h -> {
            IncidentRepository incidents = repositories.of(IncidentRepository.class);
            Instant from = incidents.lockWatch(tenant.id(), now);
            Map<Pool, AlertLevels> levels = repositories.of(AlertRuleRepository.class).levels(tenant.id());
            Map<Pool, Incident> live = incidents.live(tenant.id()).stream()
                    .filter(i -> i.kind() == Incident.Kind.CAPACITY)
                    .collect(Collectors.toMap(Incident::pool, Function.identity()));
            boolean changed = false;
            for (PoolOccupancy.Standing standing : repositories.of(PoolOccupancy.class).standing(tenant.id(), now)) {
                int denials = incidents.denialsBetween(tenant.id(), standing.pool(), from, now);
                Instant firstDenial = denials == 0 ? null
                        : incidents.firstDenialBetween(tenant.id(), standing.pool(), from, now).orElse(now);
                CapacityCheck check = new CapacityCheck(standing, levels.get(standing.pool()), denials, firstDenial, now);
                changed |= capacity(incidents, tenant, live.get(standing.pool()), check);
            }
            if (!forecast.isEmpty()) {
                changed |= applyForecast(incidents, tenant, forecast, now);
                incidents.forecastMade(tenant.id(), LocalDate.ofInstant(now, tenant.zone()));
            }
            incidents.checked(tenant.id(), now);
            return changed;
        });
    }

    /** What one evaluation saw of one pool. */
    record CapacityCheck(PoolOccupancy.Standing standing, AlertLevels levels, int newDenials, Instant firstDenial,
                         Instant now) {

        int level() {
            return levels.reachedBy(standing.inUse(), standing.total());
        }

        /** A denial means the pool was full at that moment, whatever it holds now. */
        int seen() {
            return newDenials > 0 ? Math.max(standing.inUse(), standing.total()) : standing.inUse();
        }

        boolean quiet() {
            return level() == 0 && newDenials == 0;
        }
    }

    private boolean capacity(IncidentRepository incidents, Tenant tenant, Incident live, CapacityCheck check) {
        if (live == null) {
            return !check.quiet() && open(incidents, tenant, check);
        }
        Incident next = IncidentChanges.capacity(live, check, QUIET_PERIOD);
        if (next.equals(live)) {
            return false;
        }
        incidents.save(next);
        return next.version() != live.version();
    }

    private boolean open(IncidentRepository incidents, Tenant tenant, CapacityCheck check) {
        Pool pool = check.standing().pool();
        Optional<Incident> snoozing = incidents.snoozing(tenant.id(), pool, Incident.Kind.CAPACITY, check.now());
        Incident incident = new Incident(UUID.randomUUID().toString(), tenant.id(), pool, Incident.Kind.CAPACITY,
                check.level(), check.standing().inUse(), check.standing().total(), check.seen(), check.newDenials(),
                check.firstDenial(), null, check.now(), check.now(), null, null, null, null,
                snoozing.map(Incident::snoozedBy).orElse(null), snoozing.map(Incident::snoozedUntil).orElse(null),
                snoozing.isPresent() ? 1 : 0, 1);
        return insert(incidents, incident, check.now());
    }

    private boolean insert(IncidentRepository incidents, Incident incident, Instant now) {
        incidents.insert(incident, Incident.liveKey(incident.tenantId(), incident.pool(), incident.kind()));
        repositories.of(DeliveryRepository.class).addForSubscriptions(incident.id(), incident.tenantId(), now);
        return true;
    }

    /** The forecast once a tenant day, outside the lock: it reads the daily peaks of 30 days. */
    private Map<Pool, Optional<LocalDate>> forecastIfDue(Tenant tenant, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, tenant.zone());
        Optional<LocalDate> made = repositories.with(IncidentRepository.class, r -> r.forecastDay(tenant.id()));
        if (made.isPresent() && !made.get().isBefore(today)) {
            return Map.of();
        }
        Map<Pool, LocalDate> fullOn = forecasts.fullOn(tenant, now);
        Map<Pool, Optional<LocalDate>> forecast = new java.util.EnumMap<>(Pool.class);
        for (Pool pool : Pool.values()) {
            forecast.put(pool, Optional.ofNullable(fullOn.get(pool)));
        }
        return forecast;
    }

    private boolean applyForecast(IncidentRepository incidents, Tenant tenant, Map<Pool, Optional<LocalDate>> forecast,
                                  Instant now) {
        Map<Pool, Incident> live = incidents.live(tenant.id()).stream()
                .filter(i -> i.kind() == Incident.Kind.FORECAST)
                .collect(Collectors.toMap(Incident::pool, Function.identity()));
        Map<Pool, PoolOccupancy.Standing> standing = repositories.of(PoolOccupancy.class).standing(tenant.id(), now)
                .stream().collect(Collectors.toMap(PoolOccupancy.Standing::pool, Function.identity()));
        boolean changed = false;
        for (Map.Entry<Pool, Optional<LocalDate>> entry : forecast.entrySet()) {
            Incident current = live.get(entry.getKey());
            PoolOccupancy.Standing now0 = standing.get(entry.getKey());
            if (current == null && entry.getValue().isPresent() && now0 != null) {
                changed |= insert(incidents, new Incident(UUID.randomUUID().toString(), tenant.id(), entry.getKey(),
                        Incident.Kind.FORECAST, 0, now0.inUse(), now0.total(), now0.inUse(), 0, null,
                        entry.getValue().get(), now, now, null, null, null, null, null, null, 0, 1), now);
            } else if (current != null) {
                Incident next = IncidentChanges.forecast(current, entry.getValue(), now);
                if (!next.equals(current)) {
                    incidents.save(next);
                    changed = true;
                }
            }
        }
        return changed;
    }
}
