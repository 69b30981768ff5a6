package dev.licensebot.core.demo;

import dev.licensebot.core.sessions.ActivityReport;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The sessions open when the demo starts, as a contact centre has them: agents who logged in some
 * minutes to a few hours ago and were last active at different moments since, and guests who came
 * in through the widget a few minutes ago.
 */
final class DemoLive {

    private static final int AGENTS = 7;
    private static final int GUESTS = 2;
    /** Agents logged in between 5 minutes and 3 hours before the demo starts. */
    private static final int AGENT_MINUTES_AGO_MIN = 5;
    private static final int AGENT_MINUTES_AGO_SPAN = 175;
    private static final int GUEST_MINUTES_AGO_MAX = 20;

    /** One live session: opened at {@code startedAt}, last heard from at {@code lastActiveAt}. */
    record Planned(SessionReport report, Instant startedAt, Instant lastActiveAt, ActivityReport activity) {
    }

    private DemoLive() {
    }

    /** The sessions open at {@code now}, earliest first; the same for the same instant. */
    static List<Planned> at(Instant now, List<DemoPeople.Person> agents) {
        Random random = new Random(DemoData.SEED + now.getEpochSecond());
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < AGENTS + GUESTS; i++) {
            boolean agent = i < AGENTS;
            int minutesAgo = agent ? AGENT_MINUTES_AGO_MIN + random.nextInt(AGENT_MINUTES_AGO_SPAN)
                    : 1 + random.nextInt(GUEST_MINUTES_AGO_MAX);
            Instant start = now.minus(Duration.ofMinutes(minutesAgo)).minusSeconds(random.nextInt(60));
            SessionReport report;
            if (agent) {
                DemoPeople.Person person = agents.get(i * 3 % agents.size());
                report = new SessionReport(null, StartedBy.AGENT, person.username(), person.email(),
                        person.report().role(), person.fullName(), DemoHistory.weighted(random),
                        DemoHistory.interactions(random, 3), random.nextInt(12), null, null);
            } else {
                report = new SessionReport(null, StartedBy.USER, null, null, null, null, "Web widget",
                        DemoHistory.interactions(random, 1), 1, null, null);
            }
            // Last active somewhere between the start and now: some a moment ago, some a while back.
            long quietSeconds = Duration.between(start, now).toSeconds();
            Instant lastActive = now.minusSeconds((long) (quietSeconds * random.nextDouble() * 0.6));
            ActivityReport activity = new ActivityReport(report.openInteractions(),
                    report.conversations() + random.nextInt(4));
            planned.add(new Planned(report, start, lastActive, activity));
        }
        planned.sort(Comparator.comparing(Planned::startedAt));
        return planned;
    }

    /** Today's closed sessions are imported only when they ended before this: the live ones took over then. */
    static Instant earliestStart(List<Planned> planned, Instant otherwise) {
        return planned.stream().map(Planned::startedAt).min(Comparator.naturalOrder()).orElse(otherwise);
    }
}
