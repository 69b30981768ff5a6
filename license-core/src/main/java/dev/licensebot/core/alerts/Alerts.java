package dev.licensebot.core.alerts;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What people ask of the alerts: turn them on or off in the place they write from, change the
 * levels, pick the digest's time, acknowledge or snooze an incident, or look at all of it. Account
 * admins and up; the levels are for advanced admins. Every change is audited.
 */
public final class Alerts {

    /** How far back "alerts" lists resolved incidents. */
    static final Duration RECENT = Duration.ofDays(7);
    private static final int MAX_INCIDENTS = 20;

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final Operators operators;
    private final AuditLog audit;
    private final Alerting alerting;

    public Alerts(Jdbi jdbi, Repositories repositories, Clock clock, Operators operators, AuditLog audit,
                  Alerting alerting) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.operators = operators;
        this.audit = audit;
        this.alerting = alerting;
    }

    /** {@code here}: where the words were typed; null where there is no chat place (the console). */
    public AlertsView answer(Tenant tenant, Actor actor, AlertPlace here, AlertsChange change) {
        operators.require(tenant, actor, Action.MANAGE_ALERTS);
        String sentence;
        if (change instanceof AlertsChange.On) {
            sentence = turnOn(tenant, actor, required(here, "on"));
        } else if (change instanceof AlertsChange.Off) {
            sentence = turnOff(tenant, actor, required(here, "off"));
        } else if (change instanceof AlertsChange.Levels levels) {
            sentence = setLevels(tenant, actor, levels);
        } else if (change instanceof AlertsChange.DigestAt digest) {
            sentence = schedule(tenant, actor, required(here, "digest"), digest);
        } else if (change instanceof AlertsChange.Press press) {
            sentence = IncidentPresses.press(jdbi, repositories, audit, clock, tenant, actor, press);
        } else {
            sentence = here == null ? "Alerts of " + tenant.name() + "." : status(tenant, here);
        }
        return view(tenant, sentence);
    }

    /** Live incidents and those resolved in the last week, newest first: for the REST API. */
    public List<Incident> recent(Tenant tenant) {
        Instant since = clock.instant().minus(RECENT);
        return repositories.with(IncidentRepository.class, r -> r.recent(tenant.id(), since, MAX_INCIDENTS));
    }

    private AlertsView view(Tenant tenant, String sentence) {
        List<AlertsView.PlaceStatus> places = jdbi.withHandle(h -> {
            DeliveryRepository deliveries = repositories.of(DeliveryRepository.class);
            return repositories.of(SubscriptionRepository.class).ofTenant(tenant.id()).stream()
                    .map(s -> new AlertsView.PlaceStatus(s, deliveries.lastError(s.id()).orElse(null))).toList();
        });
        var levels = repositories.with(AlertRuleRepository.class, r -> r.levels(tenant.id()));
        return AlertsView.of(sentence, places, levels, recent(tenant), tenant.zone(), clock.instant());
    }

    private static AlertPlace required(AlertPlace here, String word) {
        if (here == null) {
            throw Refusal.invalid("place", "Type \"alerts " + word + "\" in the Slack channel or Teams chat that "
                    + "should receive the alerts.");
        }
        return here;
    }

    private String status(Tenant tenant, AlertPlace here) {
        Optional<Subscription> subscription = find(tenant, here);
        if (subscription.isEmpty()) {
            return "Alerts are off in " + here.shown() + ". Type \"alerts on\" to receive them here.";
        }
        return subscription.get().enabled() ? "Alerts are on in " + here.shown() + "."
                : "Alerts were turned off in " + here.shown() + " because " + subscription.get().disabledReason()
                + ". Type \"alerts on\" to turn them on again.";
    }

    private String turnOn(Tenant tenant, Actor actor, AlertPlace here) {
        Optional<String> cannot = alerting.deliveries().poster(here.surface()).flatMap(p -> p.cannotPost(here));
        if (cannot.isPresent()) {
            audit.record(actor, "ALERTS_ON", "alerts in " + here.shown(), "refused: " + cannot.get());
            throw new Refusal(Refusal.Kind.CONFLICT, "cannot_post", "I cannot post in " + here.shown() + " yet: "
                    + cannot.get());
        }
        Instant now = clock.instant();
        String sentence = jdbi.inTransaction(h -> {
            SubscriptionRepository subscriptions = repositories.of(SubscriptionRepository.class);
            Optional<Subscription> existing = subscriptions.at(tenant.id(), here.surface(), here.channel());
            if (existing.isPresent() && existing.get().enabled()) {
                return null;
            }
            String id = existing.map(Subscription::id).orElseGet(() -> UUID.randomUUID().toString());
            if (existing.isPresent()) {
                subscriptions.enable(id, here.name());
            } else {
                subscriptions.insert(id, tenant.id(), here.surface(), here.workspace(), here.channel(), here.name(),
                        actor.name(), now, Subscription.DEFAULT_DIGEST_DAY.name(),
                        Subscription.DEFAULT_DIGEST_TIME.getHour() * 60 + Subscription.DEFAULT_DIGEST_TIME.getMinute());
            }
            // Denials count from now on, not from whenever the tenant was first watched.
            repositories.of(IncidentRepository.class).watch(tenant.id(), now);
            // Incidents already live reach the new place too.
            for (Incident live : repositories.of(IncidentRepository.class).live(tenant.id())) {
                repositories.of(DeliveryRepository.class).addForSubscriptions(live.id(), tenant.id(), now);
            }
            return "Alerts are on in " + here.shown() + ": it receives this account's license alerts and the "
                    + "weekly digest (Mondays at 09:00 by default).";
        });
        if (sentence == null) {
            return "Alerts are already on in " + here.shown() + ".";
        }
        audit.record(actor, "ALERTS_ON", "alerts in " + here.shown(), "on");
        alerting.refreshWatched();
        return sentence;
    }

    private String turnOff(Tenant tenant, Actor actor, AlertPlace here) {
        Optional<Subscription> existing = find(tenant, here);
        if (existing.isEmpty()) {
            return "Alerts were not on in " + here.shown() + "; nothing changed.";
        }
        jdbi.useTransaction(h -> {
            SubscriptionRepository subscriptions = repositories.of(SubscriptionRepository.class);
            subscriptions.deleteDeliveries(existing.get().id());
            subscriptions.delete(existing.get().id());
        });
        audit.record(actor, "ALERTS_OFF", "alerts in " + here.shown(), "off");
        alerting.refreshWatched();
        return "Alerts are off in " + here.shown() + ".";
    }

    private String setLevels(Tenant tenant, Actor actor, AlertsChange.Levels change) {
        operators.require(tenant, actor, Action.SET_ALERT_LEVELS);
        AlertLevels levels = AlertLevels.parse(change.pool(), change.levels());
        jdbi.useTransaction(h -> repositories.of(AlertRuleRepository.class).set(tenant.id(), levels));
        audit.record(actor, "ALERT_LEVELS", change.pool().label() + " licenses at " + levels.shown(), "changed");
        return "Alerts for " + change.pool().label() + " licenses now start at " + levels.shown() + ".";
    }

    private String schedule(Tenant tenant, Actor actor, AlertPlace here, AlertsChange.DigestAt digest) {
        Subscription subscription = find(tenant, here).orElseThrow(() -> Refusal.invalid("place",
                "Alerts are off in " + here.shown() + ": type \"alerts on\" first."));
        LocalTime time = digest.time();
        jdbi.useTransaction(h -> repositories.of(SubscriptionRepository.class).schedule(subscription.id(),
                digest.day().name(), time.getHour() * 60 + time.getMinute()));
        String when = digest.day().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + "s at "
                + time;
        audit.record(actor, "DIGEST_SCHEDULE", "weekly digest in " + here.shown(), when);
        return "The weekly digest comes to " + here.shown() + " on " + when + " (" + tenant.zone().getId() + ").";
    }

    private Optional<Subscription> find(Tenant tenant, AlertPlace here) {
        return repositories.with(SubscriptionRepository.class, r -> r.at(tenant.id(), here.surface(), here.channel()));
    }

    /** The start of the next day in the tenant's time, for "Snooze until tomorrow". */
    static Instant tomorrowMorning(Instant now, java.time.ZoneId zone) {
        return LocalDate.ofInstant(now, zone).plusDays(1).atTime(8, 0).atZone(zone).toInstant();
    }
}
