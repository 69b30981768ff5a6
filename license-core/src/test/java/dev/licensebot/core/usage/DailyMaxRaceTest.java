package dev.licensebot.core.usage;

import com.zaxxer.hikari.HikariDataSource;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.sessions.ActivityReport;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionClosed;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.HeldInvariant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.OnMariaDb;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.testing.WaitingStatements;
import dev.licensebot.core.users.UserReport;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, part 4: the daily max must never exceed what the pool really held at one instant. Agents
 * on two nodes with small connection pools open, heartbeat and log out for real, on the real clock,
 * while a sampler keeps taking the pool row's lock (so opens and logouts queue for it, and for
 * connections) and reads {@code held} under it. Whatever order the clock reads and the lock grants
 * fall in, the computed daily max (as a usage call gets it, and from scratch) may not exceed the
 * most the pool ever held.
 */
class DailyMaxRaceTest {

    private static final int LICENSES = 4;
    private static final int AGENTS = 12;
    private static final Duration RUN = Duration.ofSeconds(3);

    @OnBothDatabases
    void racingOpensAndLogoutsNeverShowADailyMaxAboveTheMostThePoolHeld(TestDatabase db) throws Exception {
        long seed = System.nanoTime();
        Clock clock = Clock.systemUTC();
        Tenant tenant = TestCore.on(db).tenant("UTC", LICENSES, 0, Duration.ofMinutes(30));
        Instant began = clock.instant();
        AtomicInteger mostHeld = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        try (HikariDataSource nodeA = db.newPool(3); HikariDataSource nodeB = db.newPool(3)) {
            List<LicenseCore> nodes = List.of(new LicenseCore(Database.jdbiFor(nodeA), clock),
                    new LicenseCore(Database.jdbiFor(nodeB), clock));
            ExecutorService threads = Executors.newFixedThreadPool(AGENTS + 1);
            AtomicBoolean running = new AtomicBoolean(true);
            try {
                List<Future<?>> tasks = new ArrayList<>();
                tasks.add(threads.submit(() -> sampleHeldUnderThePoolsLock(db, tenant, new SplittableRandom(seed),
                        running, mostHeld)));
                for (int i = 0; i < AGENTS; i++) {
                    LicenseCore node = nodes.get(i % nodes.size());
                    SplittableRandom random = new SplittableRandom(seed + 1 + i);
                    String agent = "agent-" + i;
                    tasks.add(threads.submit(() -> work(node, tenant, agent, random, running, granted)));
                }
                Thread.sleep(RUN.toMillis());
                running.set(false);
                for (Future<?> task : tasks) {
                    task.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
        }
        Instant ended = clock.instant();
        HeldInvariant.check(db, tenant);
        String run = "seed " + seed + ", " + granted.get() + " opens granted";
        assertEquals(LICENSES, mostHeld.get(), "the race filled the pool (" + run + ")");

        int computed = dailyMax(db, tenant, began, ended);
        int swept = sweptFromScratch(db, tenant, began, ended);
        assertTrue(computed <= mostHeld.get(), "daily max " + computed + " of " + LICENSES + ", but the pool never "
                + "held more than " + mostHeld.get() + " (" + run + ")");
        assertTrue(swept <= mostHeld.get(), "a sweep of all the day's intervals found " + swept + " of " + LICENSES
                + " (" + run + ")");
    }

    /**
     * The open reads its clock first, then reaches the pool's lock after a logout that read its clock
     * later (it waited for a connection, was descheduled, or runs on a node whose clock is behind):
     * both queue for the lock, the logout first. The license the open gets is the one the logout
     * gave back, so the open's session may not start before that logout's end. Stamped with its own
     * clock read, it overlapped it: 3 of 2.
     */
    @OnMariaDb
    void anOpenQueuedForThePoolsLockBehindALogoutStartsNoEarlierThanThatLogoutEnded(TestDatabase db)
            throws Exception {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 2, 0, Duration.ofMinutes(30));
        AgentSession ann = open(t, tenant, "ann");
        open(t, tenant, "bob");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Handle blocker = db.jdbi().open()) {
            blocker.begin();
            lockPool(blocker, tenant);
            t.clock().set(Instant.parse("2026-03-10T08:10:00Z"));
            Future<?> logout = threads.submit(() -> t.core().sessionLicenses().logout(tenant, ann.id()));
            WaitingStatements.await(db, "UPDATE license_pool%", 1);
            t.clock().set(Instant.parse("2026-03-10T08:05:00Z"));
            Future<AgentSession> cid = threads.submit(() -> open(t, tenant, "cid"));
            WaitingStatements.await(db, "UPDATE license_pool%", 2);
            blocker.commit();

            logout.get(30, TimeUnit.SECONDS);
            AgentSession opened = cid.get(30, TimeUnit.SECONDS);
            Instant annEnded = t.core().sessionLicenses().require(tenant, ann.id()).endedAt();
            assertEquals(Instant.parse("2026-03-10T08:10:00Z"), annEnded);
            assertFalse(opened.startedAt().isBefore(annEnded), "cid started " + opened.startedAt());
            assertEquals(opened.startedAt(), t.core().sessionLicenses().require(tenant, opened.id()).startedAt(),
                    "the answer shows the start as stored");
        } finally {
            threads.shutdownNow();
        }
        t.clock().set(Instant.parse("2026-03-10T08:20:00Z"));
        Instant now = t.clock().instant();
        assertEquals(2, dailyMax(db, tenant, now, now));
        assertEquals(2, sweptFromScratch(db, tenant, now, now));
    }

    /**
     * The same for user licenses: an allocation read its clock, then queued for the USER pool's
     * lock; meanwhile a user was deactivated, stamped later. Deactivating took no lock of the pool,
     * so the allocation then found the license free and was stamped before that release: 3 of 2.
     * Now a deactivation queues for the pool's lock too, and whichever goes first, the figure stays
     * at what was held.
     */
    @OnMariaDb
    void aUserAllocationQueuedForThePoolsLockNeverOverlapsADeactivationItFollows(TestDatabase db)
            throws Exception {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 0, 2, Duration.ofMinutes(30));
        t.core().userLicenses().allocate(tenant, user("ann"));
        t.core().userLicenses().allocate(tenant, user("bob"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Handle blocker = db.jdbi().open()) {
            blocker.begin();
            blocker.createQuery("SELECT total FROM license_pool WHERE tenant_id = :t AND pool = 'USER' FOR UPDATE")
                    .bind("t", tenant.id()).mapTo(Integer.class).one();
            t.clock().set(Instant.parse("2026-03-10T08:05:00Z"));
            Future<Boolean> cid = threads.submit(() -> {
                try {
                    t.core().userLicenses().allocate(tenant, user("cid"));
                    return true;
                } catch (Refusal refusal) {
                    return false;
                }
            });
            WaitingStatements.await(db, "SELECT total%license_pool%", 1);
            t.clock().set(Instant.parse("2026-03-10T08:10:00Z"));
            Future<?> annLeaves = threads.submit(() -> t.core().userLicenses().deactivate(tenant, "ann"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!annLeaves.isDone() && WaitingStatements.running(db, "%license_pool%FOR UPDATE") < 2) {
                assertTrue(System.nanoTime() < deadline, "the deactivation neither ended nor queued");
                Thread.sleep(5);
            }
            blocker.commit();

            annLeaves.get(30, TimeUnit.SECONDS);
            cid.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        Instant now = Instant.parse("2026-03-10T08:20:00Z");
        t.clock().set(now);
        assertEquals(2, dailyMax(db, tenant, Pool.USER, now, now));
    }

    private static UserReport user(String userId) {
        return new UserReport(userId, userId, userId + "@example.com", null, null, "agent", null);
    }

    private static AgentSession open(TestCore t, Tenant tenant, String agent) {
        return t.core().sessionLicenses().open(tenant, SessionReport.live(null, agent, "Web widget")).session();
    }

    /** Opens; when granted, works a little (a heartbeat now and then) and logs out; over and over. */
    private static void work(LicenseCore node, Tenant tenant, String agent, SplittableRandom random,
                             AtomicBoolean running, AtomicInteger granted) {
        while (running.get()) {
            String sessionId;
            try {
                sessionId = node.sessionLicenses().open(tenant, SessionReport.live(
                        random.nextBoolean() ? null : agent + "-" + random.nextLong(1L << 40), agent, "Web widget"))
                        .session().id();
                granted.incrementAndGet();
            } catch (Refusal refusal) {
                assertEquals("no_license_available", refusal.code());
                pause(random, 2);
                continue;
            }
            pause(random, 4);
            if (random.nextInt(3) == 0) {
                try {
                    node.sessionLicenses().reportActivity(tenant, sessionId, new ActivityReport(List.of(), 1));
                } catch (SessionClosed closed) {
                    throw new AssertionError("a live session was closed under its agent", closed);
                }
                pause(random, 2);
            }
            node.sessionLicenses().logout(tenant, sessionId);
        }
    }

    /**
     * Holds the pool row's lock for a moment at a time, as a slow allocation would, and reads
     * {@code held} under it: the most the pool held at any instant that can be seen.
     */
    private static void sampleHeldUnderThePoolsLock(TestDatabase db, Tenant tenant, SplittableRandom random,
                                                    AtomicBoolean running, AtomicInteger mostHeld) {
        while (running.get()) {
            db.jdbi().useTransaction(h -> {
                mostHeld.accumulateAndGet(lockPool(h, tenant), Math::max);
                pause(random, 3);
            });
            pause(random, 2);
        }
    }

    static int lockPool(Handle h, Tenant tenant) {
        return h.createQuery("SELECT held FROM license_pool WHERE tenant_id = :t AND pool = 'SESSION' FOR UPDATE")
                .bind("t", tenant.id()).mapTo(Integer.class).one();
    }

    private static void pause(SplittableRandom random, int maxMillis) {
        LockSupport.parkNanos(random.nextLong(maxMillis * 1_000_000L + 1));
    }

    /** The highest daily max of the days the run touched, as a usage call computes it. */
    static int dailyMax(TestDatabase db, Tenant tenant, Instant began, Instant now) {
        return dailyMax(db, tenant, Pool.SESSION, began, now);
    }

    static int dailyMax(TestDatabase db, Tenant tenant, Pool pool, Instant began, Instant now) {
        TenantDays days = new TenantDays(tenant.zone());
        LocalDate first = days.dayOf(began);
        LocalDate last = days.dayOf(now);
        return db.jdbi().withHandle(h -> new DailyMaxima(h.attach(UsageRepository.class),
                        h.attach(HoldingChanges.class), h.attach(DailyPeakRepository.class), days, tenant.id())
                .between(EnumSet.of(pool), first, last, now).get(pool).values().stream()
                .mapToInt(Integer::intValue).max().orElse(0));
    }

    /** The same from every interval of those days, with no cache and no checkpoint. */
    static int sweptFromScratch(TestDatabase db, Tenant tenant, Instant began, Instant now) {
        return sweptFromScratch(db, tenant, Pool.SESSION, began, now);
    }

    static int sweptFromScratch(TestDatabase db, Tenant tenant, Pool pool, Instant began, Instant now) {
        TenantDays days = new TenantDays(tenant.zone());
        List<TenantDays.DaySpan> spans = new ArrayList<>();
        for (LocalDate day = days.dayOf(began); !day.isAfter(days.dayOf(now)); day = day.plusDays(1)) {
            spans.add(days.span(day));
        }
        List<Interval> intervals = db.jdbi().withExtension(UsageRepository.class, usage -> usage.intervals(
                tenant.id(), pool, spans.get(0).start(), spans.get(spans.size() - 1).end()));
        return PeakSweep.peaks(intervals, spans).values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
