package dev.licensebot.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code licensebot.jar} as an operator runs it: through the documented launcher
 * ({@code bin/licensebot}, which sets the JVM's heap), its own JVM, its own working directory (so
 * the embedded default writes ./data there), configured by environment only. For B2 and B5.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Duration ready;

    private JarProcess(Process process, int port, Duration ready) {
        this.process = process;
        this.port = port;
        this.ready = ready;
    }

    /**
     * Starts the {@code launcher} (with its jar beside it, as deployed) in {@code workDir} with
     * {@code env} (PORT is chosen here) and waits for /readyz. The launcher execs java, so the
     * process is the JVM itself.
     */
    public static JarProcess start(Path launcher, Path workDir, Map<String, String> env, Duration timeout) {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(launcher.toAbsolutePath().toString())
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("licensebot.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DATABASE_") || k.startsWith("SLACK_")
                || k.startsWith("MICROSOFT_") || k.equals("PORT") || k.equals("JAVA_OPTS"));
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Duration ready = awaitReady(process, port, start, timeout, workDir);
        return new JarProcess(process, port, ready);
    }

    private static Duration awaitReady(Process process, int port, long start, Duration timeout, Path workDir) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("licensebot.jar exited with " + process.exitValue() + "; see "
                        + workDir.resolve("licensebot.log"));
            }
            try {
                if (http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // Not listening yet: poll again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // Polling a port that does not answer yet: the short pause keeps the poll off the CPU.
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        process.destroyForcibly();
        throw new IllegalStateException("licensebot.jar was not ready within " + timeout);
    }

    /** The JVM's process id (the launcher execs java). */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** From process start to the first 200 of /readyz. */
    public Duration ready() {
        return ready;
    }

    /** Resident set size now, from /proc/PID/status (VmRSS), in MiB. */
    public double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
