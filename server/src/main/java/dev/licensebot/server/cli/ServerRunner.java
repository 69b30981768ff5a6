package dev.licensebot.server.cli;

import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.server.ops.LogFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.function.Function;

/** Starts the server, prints its banner, and holds it for as long as the lifetime says. */
final class ServerRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRunner.class);

    private ServerRunner() {
    }

    /** The environment's listening settings; a bad PORT is the operator's to fix, so a usage error. */
    static ServerSettings settings(CommandSpec spec, CliContext context) {
        try {
            return ServerSettings.fromEnvironment(context.env());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * {@code banner} gets the running server and returns what to say. Its secret goes to stdout
     * alone, in either log format: stderr is where logs go, and with LOG_FORMAT=json the banner is
     * logged, so a log collector would otherwise keep the key.
     */
    static int run(CliContext context, ServerSettings settings, Function<LicenseServer, Banner> banner)
            throws InterruptedException {
        boolean json = LogFormat.fromEnvironment(context.env()) == LogFormat.JSON;
        LicenseServer server = LicenseServer.start(settings, context.clock());
        Banner said = banner.apply(server);
        if (json) {
            // Every line on stderr is then JSON, the banner too.
            said.lines().lines().forEach(LOG::info);
        } else {
            context.err().println(said.lines());
            context.err().flush();
        }
        said.secret().ifPresent(secret -> {
            context.out().println(secret);
            context.out().flush();
        });
        context.lifetime().hold(server);
        return Cli.OK;
    }

    static String url(String host, int port) {
        return "http://" + host + ":" + port;
    }
}
