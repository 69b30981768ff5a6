package dev.licensebot.core.demo;

import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * One day of closed sessions as a contact centre would have them: arrivals following a working-day
 * curve, quiet weekends, some guests, several channels. Each day comes from its own seed, so a day
 * is the same whenever it is generated, and its session ids let a second load skip what it has.
 */
final class DemoHistory {

    /** Expected session starts per hour of the local day, weekdays; weekends get a fifth of it. */
    private static final double[] STARTS_PER_HOUR = {
            0, 0, 0, 0, 0, 0, 0.3, 2.5, 5, 4, 2, 1.5, 1.5, 3, 2.5, 1.5, 0.7, 0.4, 0.2, 0.1, 0, 0, 0, 0};
    private static final double WEEKEND_FACTOR = 0.2;
    /** Stay below the SESSION pool's total: these are sessions that really held a license. */
    static final int MAX_CONCURRENT = 22;
    private static final double GUEST_SHARE = 0.15;
    private static final String[] CHANNELS = {"MS Teams", "Slack", "Web widget", "Skype for Business"};
    private static final int[] CHANNEL_WEIGHTS = {35, 25, 25, 15};
    private static final String[] INTERACTIONS = {"Chat", "Email", "Voice call", "Callback", "Social message"};
    private static final DateTimeFormatter ID_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private DemoHistory() {
    }

    /** The sessions of that day, in start order; some may not have ended yet if the day is today. */
    static List<SessionReport> day(LocalDate day, ZoneId zone, List<DemoPeople.Person> agents) {
        Random random = new Random(DemoData.SEED * 31 + day.toEpochDay());
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        PriorityQueue<Instant> runningEnds = new PriorityQueue<>();
        Map<String, Instant> busyUntil = new HashMap<>();
        List<SessionReport> sessions = new ArrayList<>();
        for (int quarter = 0; quarter < 96; quarter++) {
            double expected = STARTS_PER_HOUR[quarter / 4] / 4 * (weekend ? WEEKEND_FACTOR : 1);
            int starts = poisson(random, expected);
            for (int s = 0; s < starts; s++) {
                Instant start = day.atStartOfDay(zone).plusMinutes(quarter * 15L + random.nextInt(15))
                        .plusSeconds(random.nextInt(60)).toInstant();
                while (!runningEnds.isEmpty() && !runningEnds.peek().isAfter(start)) {
                    runningEnds.poll();
                }
                if (runningEnds.size() >= MAX_CONCURRENT) {
                    continue;
                }
                String id = "demo-" + ID_DAY.format(day) + "-" + String.format("%03d", sessions.size() + 1);
                SessionReport session = random.nextDouble() < GUEST_SHARE
                        ? guest(random, id, start)
                        : agent(random, id, start, agents, busyUntil);
                if (session != null) {
                    runningEnds.add(session.endedAt());
                    sessions.add(session);
                }
            }
        }
        return sessions;
    }

    private static SessionReport guest(Random random, String id, Instant start) {
        Instant end = start.plus(Duration.ofMinutes(4 + random.nextInt(40)));
        String channel = random.nextInt(10) < 7 ? "Web widget" : "MS Teams";
        return new SessionReport(id, StartedBy.USER, null, null, null, null, channel,
                interactions(random, 1), 1 + random.nextInt(2), start, end);
    }

    /** Null when every agent is already in a session: an agent works one session at a time. */
    private static SessionReport agent(Random random, String id, Instant start, List<DemoPeople.Person> agents,
                                       Map<String, Instant> busyUntil) {
        List<DemoPeople.Person> free = agents.stream()
                .filter(p -> !busyUntil.getOrDefault(p.username(), Instant.MIN).isAfter(start)).toList();
        if (free.isEmpty()) {
            return null;
        }
        DemoPeople.Person person = free.get(random.nextInt(free.size()));
        // Mostly a half or a whole shift, sometimes a short check-in.
        int minutes = random.nextInt(8) == 0 ? 10 + random.nextInt(40)
                : random.nextBoolean() ? 150 + random.nextInt(120) : 330 + random.nextInt(180);
        Instant end = start.plus(Duration.ofMinutes(minutes)).plusSeconds(random.nextInt(60));
        busyUntil.put(person.username(), end);
        return new SessionReport(id, StartedBy.AGENT, person.username(), person.email(), person.report().role(),
                person.fullName(), weighted(random), interactions(random, 3), minutes / 20 + random.nextInt(5),
                start, end);
    }

    static List<OpenInteraction> interactions(Random random, int atMost) {
        int kinds = random.nextInt(atMost + 1);
        List<OpenInteraction> open = new ArrayList<>();
        int first = random.nextInt(INTERACTIONS.length);
        for (int k = 0; k < kinds; k++) {
            open.add(new OpenInteraction(INTERACTIONS[(first + k) % INTERACTIONS.length], 1 + random.nextInt(3)));
        }
        return open;
    }

    static String weighted(Random random) {
        int pick = random.nextInt(100);
        for (int i = 0; i < CHANNELS.length; i++) {
            pick -= CHANNEL_WEIGHTS[i];
            if (pick < 0) {
                return CHANNELS[i];
            }
        }
        return CHANNELS[0];
    }

    /** Knuth's method; fine for the small rates of a quarter hour. */
    private static int poisson(Random random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
