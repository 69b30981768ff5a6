package dev.licensebot.server.cli;

import dev.licensebot.core.db.DbSettings;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "start-check",
        description = {"Check that the server starts here, then exit: 0 if it did.",
                "",
                "Starts the whole server on a throwaway embedded H2 database in a",
                "temporary directory (deleted afterwards), on 127.0.0.1 at a free port,",
                "with Slack off and Teams without authentication; asks its own /readyz",
                "over HTTP, stops it and says how long the start took in one line (the",
                "server's own log shows errors only). The environment's",
                "DATABASE_URL, PORT and chat settings are ignored: nothing real is touched.",
                "The build and `licensebot --cds-archive` run it to train the class-data",
                "sharing archive that makes later starts faster."})
final class StartCheckCommand implements Callable<Integer> {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final CliContext context;

    StartCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path directory = Files.createTempDirectory("licensebot-start-check");
        // Its answer is the one line below; the server's start-up lines would bury it, and its warnings
        // (Teams without authentication, /metrics open) are about the check's own set-up on 127.0.0.1.
        try (QuietLogs quiet = QuietLogs.errorsOnly()) {
            check(directory);
        } finally {
            delete(directory);
        }
        return Cli.OK;
    }

    private void check(Path directory) throws IOException {
        // From an empty environment, so the check depends on this machine and jar, not on the configuration.
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of())
                .withDb(DbSettings.embeddedIn(directory))
                .withHost("127.0.0.1")
                .withPort(0);
        long started = System.nanoTime();
        int status;
        try (LicenseServer server = LicenseServer.start(settings, context.clock())) {
            status = readyz(server.port());
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (status != 200) {
            throw new IllegalStateException("/readyz answered " + status + " instead of 200");
        }
        context.out().println("licensebot start-check: OK, ready in " + millis + " ms (/readyz answered 200) on a "
                + "throwaway " + settings.db().describe() + ", now deleted");
    }

    /**
     * HttpURLConnection rather than java.net.http: that client sets up TLS when it is built, which
     * takes a while and would also put TLS into the class-data sharing archive for no reason.
     */
    private static int readyz(int port) throws IOException {
        URI uri = URI.create(ServerRunner.url("127.0.0.1", port) + "/readyz");
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout((int) READY_TIMEOUT.toMillis());
        connection.setReadTimeout((int) READY_TIMEOUT.toMillis());
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(StartCheckCommand::deleteOne);
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the start check's database " + path, e);
        }
    }
}
