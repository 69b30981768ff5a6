package dev.licensebot.server;

import java.time.Clock;

/** Entry point of licensebot.jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LicenseServer.start(ServerSettings.fromEnvironment(System.getenv()), Clock.systemUTC());
    }
}
