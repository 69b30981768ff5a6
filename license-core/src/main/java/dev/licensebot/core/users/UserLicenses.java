package dev.licensebot.core.users;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.Input;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.tenant.DenialRepository;
import dev.licensebot.core.tenant.PoolChanges;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.PoolOccupancy;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/** USER licenses: held by a platform user while active, released when the user is disabled. */
public final class UserLicenses {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final int MAX_CONVERSATIONS = 1_000_000_000;

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final LicenseMetrics metrics;
    private final PoolChanges changes;

    public UserLicenses(Jdbi jdbi, Repositories repositories, Clock clock, LicenseMetrics metrics,
                        PoolChanges changes) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.metrics = metrics;
        this.changes = changes;
    }

    /** The user, and whether this call took a license for them (false: they already held one). */
    public record Allocated(PlatformUser user, boolean created) {
    }

    /** Takes a license for the user, or records a denial and refuses when the pool is full. */
    public Allocated allocate(Tenant tenant, UserReport report) {
        PlatformUser requested = validated(report);
        Optional<Allocated> allocated = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                h -> allocateLocked(h, tenant, requested));
        if (allocated.isEmpty()) {
            metrics.denied(Pool.USER);
            changes.changed(tenant.id());
        } else if (allocated.get().created()) {
            metrics.allocated(Pool.USER);
            changes.changed(tenant.id());
        }
        return allocated.orElseThrow(() -> new Refusal(Refusal.Kind.CONFLICT, "no_license_available",
                "All user licenses are in use. Ask an admin to free or add licenses."));
    }

    /**
     * Under the USER pool's row lock, like session allocation. The clock is read once the lock is
     * held, and never earlier than the pool's last take or release (V8, issue 21): an allocation
     * that waited for the lock, or runs on a node whose clock is behind, would otherwise seem to
     * hold its license before the release it took it from, and the daily max would count both.
     */
    private Optional<Allocated> allocateLocked(Handle h, Tenant tenant, PlatformUser requested) {
        UserRepository users = repositories.of(UserRepository.class);
        UserRepository.LockedPool pool = users.lockPool(tenant.id());
        Instant now = stamp(pool);
        int total = pool.total();
        Optional<PlatformUser> existing = users.find(tenant.id(), requested.userId());
        if (existing.filter(PlatformUser::holdsLicense).isPresent()) {
            PlatformUser refreshed = merge(requested, existing.get(), existing.get().statusChangedAt());
            users.update(tenant.id(), refreshed);
            return Optional.of(new Allocated(refreshed, false));
        }
        if (repositories.of(PoolOccupancy.class).usersInUse(tenant.id()) >= total) {
            repositories.of(DenialRepository.class).record(tenant.id(), Pool.USER, now);
            return Optional.empty();
        }
        PlatformUser active = merge(requested, existing.orElse(null), now);
        if (existing.isPresent()) {
            users.update(tenant.id(), active);
        } else {
            users.insert(tenant.id(), active);
        }
        users.openPeriod(tenant.id(), active.userId(), now);
        users.stamp(tenant.id(), now);
        return Optional.of(new Allocated(active, true));
    }

    /**
     * Releases the user's license; deactivating an inactive user changes nothing. Under the pool's
     * lock, taken first as allocation takes it: an allocation then either sees this release and
     * its stamp, or this release waits until the allocation is over.
     */
    public PlatformUser deactivate(Tenant tenant, String userId) {
        PlatformUser user = jdbi.inTransaction(h -> {
            UserRepository users = repositories.of(UserRepository.class);
            Instant now = stamp(users.lockPool(tenant.id()));
            if (users.deactivate(tenant.id(), userId, now) == 1) {
                users.closePeriod(tenant.id(), userId, now);
                users.stamp(tenant.id(), now);
            }
            return users.find(tenant.id(), userId).orElseThrow(() -> Refusal.notFound("user",
                    "There is no user " + userId + "."));
        });
        changes.changed(tenant.id());
        return user;
    }

    /** The clock in milliseconds, as stored, but no earlier than the locked pool's last stamp. */
    private Instant stamp(UserRepository.LockedPool pool) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return now.isBefore(pool.stampedAt()) ? pool.stampedAt() : now;
    }

    public Optional<PlatformUser> find(Tenant tenant, String userId) {
        return repositories.with(UserRepository.class, users -> users.find(tenant.id(), userId));
    }

    /** New details win; a missing conversation count keeps the one we had. */
    private static PlatformUser merge(PlatformUser requested, PlatformUser existing, Instant statusChangedAt) {
        int conversations = requested.conversations() >= 0 ? requested.conversations()
                : existing == null ? 0 : existing.conversations();
        return new PlatformUser(requested.userId(), requested.username(), requested.email(), requested.firstName(),
                requested.lastName(), requested.role(), UserStatus.ACTIVE, statusChangedAt, conversations);
    }

    /** Returns the report as a user, with conversations -1 when not given. */
    private static PlatformUser validated(UserReport report) {
        if (report.userId() == null || !USER_ID.matcher(report.userId()).matches()) {
            throw Refusal.invalid("userId", "A user id is 1 to 128 letters, digits or . _ : @ - characters.");
        }
        Integer conversations = Input.optionalCount("conversations", report.conversations(), MAX_CONVERSATIONS);
        return new PlatformUser(report.userId(), Input.optionalText("username", report.username(), 200),
                Input.optionalText("email", report.email(), 254), Input.optionalText("firstName", report.firstName(), 100),
                Input.optionalText("lastName", report.lastName(), 100), Input.optionalText("role", report.role(), 64), UserStatus.ACTIVE, null,
                conversations == null ? -1 : conversations);
    }
}
