package dev.licensebot.slack;

/** Slack could not be set up (a rejected token, an unreachable API): the server must not start half-way. */
public final class SlackStartupException extends RuntimeException {

    public SlackStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
