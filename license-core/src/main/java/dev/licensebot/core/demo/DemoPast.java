package dev.licensebot.core.demo;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo tenant's months before today, written in the order they happened through a core whose
 * clock is set to each moment: the tenant opened months ago, its admin granted, licenses bought and
 * returned over the weeks since, people given a user license when they joined and releasing it when
 * they left. So the purchase and user histories have dates, and the user pool's 30-day figures
 * match the people in it now.
 */
final class DemoPast {

    static final int TENANT_OPENED_DAYS_AGO = 120;
    static final int INITIAL_SESSIONS = 20;
    static final int INITIAL_USERS = 35;

    /** Days ago, minute of the day, pool, change, reason: the totals end at 25 sessions and 40 users. */
    private record Purchase(int daysAgo, int minuteOfDay, Pool pool, int delta, String reason) {
    }

    private static final List<Purchase> PURCHASES = List.of(
            new Purchase(34, 10 * 60 + 12, Pool.SESSION, 10, "PO 4711: spring campaign"),
            new Purchase(19, 14 * 60 + 40, Pool.USER, 5, "PO 4712: new hires"),
            new Purchase(8, 11 * 60 + 5, Pool.SESSION, -5, "Returned unused seats"));

    private final LicenseCore core;
    private final DemoClock clock;
    private final LocalDate today;
    private final String tenantId;

    /** {@code core} runs on {@code clock}; {@code today} is the tenant's today. */
    DemoPast(LicenseCore core, DemoClock clock, LocalDate today, String tenantId) {
        this.core = core;
        this.clock = clock;
        this.today = today;
        this.tenantId = tenantId;
    }

    /** The tenant as it was opened, months ago, with its admin. */
    Tenants.CreatedTenant openTenant() {
        clock.set(at(TENANT_OPENED_DAYS_AGO, 9 * 60));
        Tenants.CreatedTenant created = core.tenants().create(tenantId, new Tenants.NewTenant(DemoData.TENANT_NAME,
                DemoData.ZONE.getId(), INITIAL_SESSIONS, INITIAL_USERS, DemoData.SESSION_TIMEOUT));
        clock.set(at(TENANT_OPENED_DAYS_AGO, 9 * 60 + 4));
        core.operators().grant(Actor.cli(tenantId), DemoData.ADMIN_EMAIL, Role.ADVANCED_ADMIN);
        return created;
    }

    /**
     * What happened since, in time order: the purchases only when the tenant was just opened (they
     * are events), and the people not written yet (each once). Returns how many people were added.
     */
    int since(Tenant tenant, boolean purchases) {
        List<Event> events = new ArrayList<>();
        if (purchases) {
            Actor admin = new Actor(tenantId, DemoData.ADMIN_EMAIL, Role.ADVANCED_ADMIN, Surface.CLI);
            for (Purchase p : PURCHASES) {
                events.add(new Event(at(p.daysAgo(), p.minuteOfDay()),
                        c -> c.replenishments().apply(tenant, admin, p.pool(), p.delta(), p.reason())));
            }
        }
        int added = 0;
        for (DemoPeople.Person person : DemoPeople.cast()) {
            if (core.userLicenses().find(tenant, person.report().userId()).isPresent()) {
                continue;
            }
            events.add(new Event(at(person.joinedDaysAgo(), person.minuteOfDay()),
                    c -> c.userLicenses().allocate(tenant, person.report())));
            if (!person.active()) {
                events.add(new Event(at(person.leftDaysAgo(), person.minuteOfDay()),
                        c -> c.userLicenses().deactivate(tenant, person.report().userId())));
            }
            added++;
        }
        events.sort(Comparator.comparing(Event::at));
        for (Event event : events) {
            clock.set(event.at());
            event.action().accept(core);
        }
        return added;
    }

    private record Event(Instant at, Consumer<LicenseCore> action) {
    }

    /** That many days ago, moved back to the Friday before when it falls on a weekend. */
    private Instant at(int daysAgo, int minuteOfDay) {
        LocalDate day = today.minusDays(daysAgo);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day.atStartOfDay(DemoData.ZONE).plusMinutes(minuteOfDay).toInstant();
    }
}
