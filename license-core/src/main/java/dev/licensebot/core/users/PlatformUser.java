package dev.licensebot.core.users;

import java.time.Instant;

/**
 * A platform user and their license. {@code statusChangedAt} is the last allocation or
 * deallocation ("Created on" in the user history).
 */
public record PlatformUser(
        String userId,
        String username,
        String email,
        String firstName,
        String lastName,
        String role,
        UserStatus status,
        Instant statusChangedAt,
        int conversations) {

    public boolean holdsLicense() {
        return status == UserStatus.ACTIVE;
    }
}
