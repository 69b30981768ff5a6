package dev.licensebot.core.secrets;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.Optional;

/**
 * Tells at start-up whether {@link SecretBox}'s key is the one the database's secrets were sealed
 * with: the first start seals a known value, every later start must open it. Without this, a
 * wrong key would only show when the first workspace's token is needed.
 */
public final class SecretsKeyCheck {

    private static final String KNOWN = "licensebot secrets key check";

    private SecretsKeyCheck() {
    }

    /** Throws IllegalArgumentException, one line and never the key, when the key is not the stored one. */
    public static void verify(Jdbi jdbi, SecretBox box, String purpose) {
        Optional<String> stored = jdbi.withHandle(h -> h.createQuery(
                        "SELECT sealed FROM secrets_key_check WHERE purpose = :purpose")
                .bind("purpose", purpose).mapTo(String.class).findOne());
        if (stored.isEmpty()) {
            try {
                jdbi.useHandle(h -> h.createUpdate(
                                "INSERT INTO secrets_key_check (purpose, sealed) VALUES (:purpose, :sealed)")
                        .bind("purpose", purpose).bind("sealed", box.seal(purpose, KNOWN)).execute());
                return;
            } catch (UnableToExecuteStatementException anotherNodeFirst) {
                // Two nodes started at once and the other sealed first: its value must open with ours.
                stored = jdbi.withHandle(h -> h.createQuery("SELECT sealed FROM secrets_key_check WHERE purpose = :p")
                        .bind("p", purpose).mapTo(String.class).findOne());
            }
        }
        try {
            if (stored.isPresent() && KNOWN.equals(box.open(purpose, stored.get()))) {
                return;
            }
        } catch (SecretBox.WrongKey wrong) {
            // Reported below, in the operator's words.
        }
        throw new IllegalArgumentException(SecretBox.KEY_VARIABLE + " is not the key the stored " + purpose
                + " secrets were sealed with; start with the original key.");
    }
}
