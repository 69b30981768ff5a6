package dev.licensebot.server.api;

import dev.licensebot.core.users.UserReport;

/** The body of POST /api/v1/users: the platform user who needs a license. */
public record UserRequest(String userId, String username, String email, String firstName, String lastName,
                          String role, Integer conversations) {

    UserReport toReport() {
        return new UserReport(userId, username, email, firstName, lastName, role, conversations);
    }
}
