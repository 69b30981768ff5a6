package dev.licensebot.teams.card;

import java.util.Arrays;
import java.util.Optional;

/** The verbs of the bot's buttons, as they travel in Action.Execute and Action.Submit data. */
public enum Verb {
    USAGE("usage"),
    ACTIVE("active"),
    HISTORY("history"),
    AUDIT("audit"),
    HELP("help"),
    TERMINATE_SELECTED("terminateSelected"),
    /** Confirm and Cancel of any change: the confirmation itself knows what it waits for. */
    CONFIRM("confirm"),
    CANCEL("cancel"),
    /** Acknowledge or Snooze on an alert's message; the action is a parameter. */
    ALERT("alert"),
    /** The verbs cards carried before Confirm and Cancel were shared; cards already sent still carry them. */
    CONFIRM_TERMINATION("confirmTermination"),
    CANCEL_TERMINATION("cancelTermination"),
    CONFIRM_REPLENISH("confirmReplenish"),
    CANCEL_REPLENISH("cancelReplenish");

    private final String wire;

    Verb(String wire) {
        this.wire = wire;
    }

    /** As it travels in a button's data. */
    public String wire() {
        return wire;
    }

    /** The verb a button sent, or empty for one this bot never put on a card. */
    public static Optional<Verb> of(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst();
    }
}
