package dev.licensebot.server.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.licensebot.core.users.PlatformUser;
import dev.licensebot.core.users.UserStatus;

import java.time.Instant;

/** A platform user and their license as the API shows it, in JSON and as a CSV row. */
@JsonPropertyOrder({"userId", "username", "email", "firstName", "lastName", "role", "status", "statusChangedAt",
        "conversations"})
public record UserJson(String userId, String username, String email, String firstName, String lastName, String role,
                       UserStatus status, Instant statusChangedAt, int conversations) {

    static UserJson of(PlatformUser u) {
        return new UserJson(u.userId(), u.username(), u.email(), u.firstName(), u.lastName(), u.role(), u.status(),
                u.statusChangedAt(), u.conversations());
    }
}
