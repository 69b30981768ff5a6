package dev.licensebot.core.db;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
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

    /** The embedded database as {@link #EMBEDDED_URL} has it, but in {@code directory} instead of ./data. */
    public static DbSettings embeddedIn(Path directory) {
        String file = directory.toAbsolutePath().resolve("licensebot").toString();
        return new DbSettings(EMBEDDED_URL.replace("./data/licensebot", file), "", "");
    }

    /**
     * Server-side prepared statements on MariaDB (Connector/J's {@code useServerPrepStmts}): each
     * connection prepares a statement once and then sends only its parameters, in the binary
     * protocol, so the server no longer parses every heartbeat's UPDATE (issue 7, B2: about a sixth
     * less of MariaDB's CPU a heartbeat). Each connection keeps its prepared statements, at most
     * the driver's {@code prepStmtCacheSize} (250); the product has about 80 distinct statements, so
     * a node of 16 connections holds some 1,300 of MariaDB's {@code max_prepared_stmt_count} (16,382
     * by default). Not for H2, and not when the URL already chooses.
     */
    public Map<String, String> driverProperties() {
        if (!url.startsWith("jdbc:mariadb:")) {
            return Map.of();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.contains("useserverprepstmts")) {
            properties.put("useServerPrepStmts", "true");
        }
        // A database host that does not answer at all is given up in a second (the driver's default
        // is 30), so a failover URL moves on to the next host and nobody waits out a dead one.
        if (!lower.contains("connecttimeout")) {
            properties.put("connectTimeout", "1000");
        }
        // A row lock is held for one statement's time; a wait longer than 2 s means the holder is
        // stuck (a Galera node in trouble, a hung client), so give up then and let the retry
        // deadline answer 503, instead of InnoDB's default of 50 s holding the request and its
        // connection.
        if (!lower.contains("sessionvariables")) {
            properties.put("sessionVariables", "innodb_lock_wait_timeout=2");
        }
        return properties;
    }

    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    /**
     * Where the data lives, for banners and logs: never the password, nor URL parameters or
     * user info that may hold one.
     */
    public String describe() {
        if (embedded()) {
            String location = url.substring("jdbc:h2:".length()).split(";", 2)[0];
            return "embedded H2 database " + (location.startsWith("file:") ? location.substring("file:".length())
                    : location);
        }
        int parameters = url.indexOf('?');
        String shown = (parameters < 0 ? url : url.substring(0, parameters)).replaceFirst("//[^/@]*@", "//");
        return shown.startsWith("jdbc:mariadb:") ? "MariaDB " + shown : "database " + shown;
    }

    /** Never the password, not even one written into the URL. */
    @Override
    public String toString() {
        return "DbSettings[" + describe() + ", user=" + user + "]";
    }
}
