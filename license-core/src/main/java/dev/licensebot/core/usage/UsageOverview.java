package dev.licensebot.core.usage;

/** Both pools' figures and their 30-day trends as of one instant. */
public record UsageOverview(UsageSummary summary, UsageTrend session, UsageTrend user) {
}
