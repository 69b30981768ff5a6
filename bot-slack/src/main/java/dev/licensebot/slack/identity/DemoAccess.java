package dev.licensebot.slack.identity;

/**
 * Demo mode only (DESIGN.md §7): a workspace that is linked to no tenant is served from the demo
 * tenant as its operator {@code operatorEmail} (an advanced admin there).
 */
public record DemoAccess(String tenantId, String operatorEmail) {
}
