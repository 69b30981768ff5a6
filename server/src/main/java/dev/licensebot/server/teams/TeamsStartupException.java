package dev.licensebot.server.teams;

/** Teams cannot be served as configured (unauthenticated while organizations are linked): the server must not start. */
public final class TeamsStartupException extends RuntimeException {

    public TeamsStartupException(String message) {
        super(message, null, false, false);
    }
}
