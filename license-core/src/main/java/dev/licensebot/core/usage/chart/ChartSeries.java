package dev.licensebot.core.usage.chart;

import dev.licensebot.core.usage.UsageTrend;

import java.util.ArrayList;
import java.util.List;

/**
 * What the usage graph plots, one value per day (null: nothing drawn that day): the past days'
 * maxima as bars, today's bar apart so it can be marked, the average and the total as flat lines,
 * and a marker on top of each day that had denials.
 */
record ChartSeries(List<String> labels, List<Integer> pastBars, List<Integer> todayBar, List<Double> average,
                   List<Integer> limit, List<Integer> denialMarks) {

    static ChartSeries of(UsageTrend.Drawn drawn) {
        List<String> labels = new ArrayList<>();
        List<Integer> past = new ArrayList<>();
        List<Integer> today = new ArrayList<>();
        List<Double> average = new ArrayList<>();
        List<Integer> limit = new ArrayList<>();
        List<Integer> denials = new ArrayList<>();
        for (UsageTrend.Day day : drawn.days()) {
            boolean isToday = day.date().equals(drawn.today());
            labels.add(isToday ? "Today" : ChartWording.day(day.date()));
            past.add(isToday || !day.counted() ? null : day.dailyMax());
            today.add(isToday ? day.dailyMax() : null);
            average.add(drawn.average().doubleValue());
            limit.add(drawn.total());
            denials.add(day.denials() > 0 ? day.dailyMax() : null);
        }
        return new ChartSeries(labels, past, today, average, limit, denials);
    }

    boolean anyDenials() {
        return denialMarks.stream().anyMatch(v -> v != null);
    }

    int highest() {
        int bars = pastBars.stream().filter(v -> v != null).mapToInt(Integer::intValue).max().orElse(0);
        int now = todayBar.stream().filter(v -> v != null).mapToInt(Integer::intValue).max().orElse(0);
        return Math.max(Math.max(bars, now), limit.isEmpty() ? 0 : limit.get(0));
    }
}
