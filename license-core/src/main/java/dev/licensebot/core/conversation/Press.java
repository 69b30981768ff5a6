package dev.licensebot.core.conversation;

/**
 * A button that changes something. Paging, sorting and refreshing only ask again, so they are
 * {@link LicenseRequest}s; Confirm and Cancel name a confirmation, whatever it waits for.
 */
public sealed interface Press {

    String confirmationId();

    record Confirm(String confirmationId) implements Press {
    }

    record Cancel(String confirmationId) implements Press {
    }
}
