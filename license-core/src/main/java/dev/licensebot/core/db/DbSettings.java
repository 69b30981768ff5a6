package dev.licensebot.core.db;

import java.util.Map;

/** Where the database is. Read once at start-up from the environment. */
public record DbSettings(String url, String user, String password) {

    /** The embedded default: an H2 file in ./data, speaking MariaDB's dialect. */
    public static final String EMBEDDED_URL =
            "jdbc:h2:file:./data/licensebot;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";

    public static DbSettings fromEnvironment(Map<String, String> env) {
        String url = env.getOrDefault("DATABASE_URL", "").isBlank() ? EMBEDDED_URL : env.get("DATABASE_URL");
        return new DbSettings(url, env.getOrDefault("DATABASE_USER", ""), env.getOrDefault("DATABASE_PASSWORD", ""));
    }

    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "DbSettings[url=" + url + ", user=" + user + "]";
    }
}
