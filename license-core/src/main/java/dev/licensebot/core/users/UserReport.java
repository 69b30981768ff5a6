package dev.licensebot.core.users;

/** What the platform reports when it enables a user; {@code conversations} is optional. */
public record UserReport(String userId, String username, String email, String firstName, String lastName,
                         String role, Integer conversations) {
}
