package dev.licensebot.server.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one fuzz run got: answers by surface and status, time spent, failures by kind. */
final class Tally {

    private final int examples;
    private final Map<String, List<Verdict.Failure>> failures = new TreeMap<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Long> millis = new TreeMap<>();

    Tally(int examples) {
        this.examples = examples;
    }

    void record(Verdict.Exchange exchange, long tookMillis) {
        millis.merge(exchange.surface(), tookMillis, Long::sum);
        statuses.merge(exchange.surface() + " " + exchange.reply().status(), 1, Integer::sum);
        Verdict.judge(exchange).ifPresent(
                failure -> failures.computeIfAbsent(failure.kind(), k -> new ArrayList<>()).add(failure));
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    void print() {
        System.out.println("  answers by surface and status: " + statuses);
        System.out.println("  milliseconds spent waiting for answers, by surface: " + millis);
    }

    /** Each kind of failure with how often it came and its first examples, and how to replay the run. */
    String report(String where, String replay) {
        StringBuilder text = new StringBuilder("Hostile input on " + where + " got " + failures.size()
                + " kind(s) of wrong answer; replay with " + replay + "\n");
        failures.forEach((kind, list) -> {
            text.append("\n* ").append(kind).append(" (").append(list.size()).append("x), for example:\n");
            list.stream().limit(examples).forEach(failure -> text.append("  ").append(failure.exchange().request())
                    .append("\n  -> ").append(failure.exchange().reply()).append('\n'));
        });
        return text.toString();
    }
}
