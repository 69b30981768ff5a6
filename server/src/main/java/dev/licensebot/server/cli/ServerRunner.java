package dev.licensebot.server.cli;

import dev.licensebot.core.db.DbSettings;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.function.Function;

/** Starts the server, prints its banner, and holds it for as long as the lifetime says. */
final class ServerRunner {

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

    /** {@code banner} gets the running server and returns the lines to print. */
    static int run(CliContext context, ServerSettings settings, Function<LicenseServer, String> banner)
            throws InterruptedException {
        LicenseServer server = LicenseServer.start(settings, context.clock());
        context.err().println(banner.apply(server));
        context.err().flush();
        context.lifetime().hold(server);
        return Cli.OK;
    }

    /** Where the data lives, for the banner; never the password, nor URL parameters that may hold one. */
    static String describe(DbSettings db) {
        String url = db.url();
        int parameters = url.indexOf('?');
        if (db.embedded()) {
            String location = url.substring("jdbc:h2:".length()).split(";", 2)[0];
            return location.startsWith("file:")
                    ? "embedded H2 database " + location.substring("file:".length())
                    : "embedded H2 database " + location;
        }
        String shown = parameters < 0 ? url : url.substring(0, parameters);
        shown = shown.replaceFirst("//[^/@]*@", "//");
        return shown.startsWith("jdbc:mariadb:") ? "MariaDB " + shown : "database " + shown;
    }

    static String url(String host, int port) {
        return "http://" + host + ":" + port;
    }
}
