package dev.licensebot.teams.identity;

/**
 * Demo mode only (DESIGN.md §7): a Teams conversation that belongs to no linked tenant (the Bot
 * Framework Emulator sends none) is served from the demo tenant as its operator
 * {@code operatorEmail}, an advanced admin there.
 */
public record TeamsDemo(String tenantId, String operatorEmail) {
}
