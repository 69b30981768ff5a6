package dev.licensebot.server.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /metrics, read as Prometheus' text format: samples by name and labels. */
public record Scrape(List<Sample> samples) {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public static Scrape parse(String text) {
        return new Scrape(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(Scrape::sample)
                .toList());
    }

    private static Sample sample(String line) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            throw new AssertionError("Not a Prometheus sample: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher label = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        return new Sample(m.group(1), labels, Double.parseDouble(m.group(3)));
    }

    /** The sum of the samples of that name carrying at least these labels; 0 when there are none yet. */
    public double value(String name, String... labelPairs) {
        return matching(name, labelPairs).stream().mapToDouble(Sample::value).sum();
    }

    public List<Sample> matching(String name, String... labelPairs) {
        return samples.stream().filter(s -> s.name().equals(name) && hasLabels(s, labelPairs)).toList();
    }

    private static boolean hasLabels(Sample sample, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(sample.labels().get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
