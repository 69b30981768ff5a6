package dev.licensebot.core.sessions;

import dev.licensebot.core.Refusal;

/** The agent's application must reload: its session was closed underneath it. */
public final class SessionClosed extends Refusal {

    private final EndReason reason;

    public SessionClosed(EndReason reason) {
        super(Kind.GONE, "session_closed", "This session was closed (" + reason.label()
                + "). Reload and reactivate the application to continue.");
        this.reason = reason;
    }

    public EndReason reason() {
        return reason;
    }
}
