package dev.licensebot.server.console;

import dev.licensebot.core.confirm.Confirmation;
import dev.licensebot.core.time.TenantTime;

import java.time.ZoneId;

/**
 * The question under every destructive action: who may answer it and until when (the core's
 * single-use, 10-minute confirmation), and how to answer by typing.
 */
final class ConfirmationText {

    static final String HOW_TO_ANSWER = "Type yes to confirm, anything else to cancel.";

    private ConfirmationText() {
    }

    /** {@code what} says exactly what will happen; {@code details} may be empty. */
    static String ask(String what, String details, Confirmation confirmation, ZoneId zone) {
        return new Lines()
                .add(what)
                .add(details)
                .add("Only " + confirmation.requestedBy() + " can confirm this, until "
                        + TenantTime.timeWithZone(confirmation.expiresAt(), zone) + ".")
                .add(HOW_TO_ANSWER)
                .toString();
    }
}
