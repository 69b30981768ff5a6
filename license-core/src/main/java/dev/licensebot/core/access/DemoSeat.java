package dev.licensebot.core.access;

import dev.licensebot.core.demo.DemoData;

/**
 * Demo mode only (DESIGN.md §7): a chat workspace or organization linked to no tenant is served
 * from the demo tenant as its operator {@code operatorEmail}, an advanced admin there.
 */
public record DemoSeat(String tenantId, String operatorEmail) {

    /** The seat {@link DemoData} sets up. */
    public static DemoSeat ofDemoData() {
        return new DemoSeat(DemoData.TENANT_ID, DemoData.ADMIN_EMAIL);
    }
}
