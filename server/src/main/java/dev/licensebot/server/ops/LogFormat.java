package dev.licensebot.server.ops;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * LOG_FORMAT picks the Logback configuration before anything logs: unset or {@code text} for
 * readable lines (logback.xml), {@code json} for one JSON object a line (logback-json.xml), for
 * log collectors. Both share their levels through logback-levels.xml.
 */
public enum LogFormat {
    TEXT(null), JSON("logback-json.xml");

    /** Logback's own property naming the configuration to load instead of logback.xml. */
    public static final String LOGBACK_PROPERTY = "logback.configurationFile";

    private final String configuration;

    LogFormat(String configuration) {
        this.configuration = configuration;
    }

    /** The format LOG_FORMAT asks for; anything unknown is refused, so a typo is noticed at once. */
    public static LogFormat fromEnvironment(Map<String, String> env) {
        String value = env.getOrDefault("LOG_FORMAT", "").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("LOG_FORMAT must be text or json, not " + env.get("LOG_FORMAT"));
        };
    }

    /** The classpath resource to configure Logback with; empty for Logback's default, logback.xml. */
    public Optional<String> configuration() {
        return Optional.ofNullable(configuration);
    }

    /** Must run before the first logger is created; an explicit -Dlogback.configurationFile wins. */
    public void apply() {
        if (System.getProperty(LOGBACK_PROPERTY) == null) {
            configuration().ifPresent(resource -> System.setProperty(LOGBACK_PROPERTY, resource));
        }
    }
}
