package dev.licensebot.core.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Whoever wrote, as the platform vouches for them: its own id for them (what the audit names when
 * it refuses someone), their email if it told one, and their standing in the workspace.
 */
public record ChatPerson(String platformId, String address, Standing standing) {

    public ChatPerson {
        Objects.requireNonNull(standing, "standing");
        platformId = platformId == null ? "unknown" : platformId;
    }

    /** Empty when the platform told no email. */
    public Optional<String> email() {
        return Optional.ofNullable(address).filter(a -> !a.isBlank());
    }
}
