package dev.licensebot.core.testing;

import dev.licensebot.core.tenant.Tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SESSION pool's held count against the sessions it stands for (V5, issue 7 B1). */
public final class HeldInvariant {

    private HeldInvariant() {
    }

    /** held = the tenant's sessions with no recorded end; returns that number. */
    public static int check(TestDatabase db, Tenant tenant) {
        int held = count(db, "SELECT held FROM license_pool WHERE tenant_id = :t AND pool = 'SESSION'", tenant);
        int open = count(db, "SELECT COUNT(*) FROM agent_session WHERE tenant_id = :t AND ended_at IS NULL", tenant);
        assertEquals(open, held, "license_pool.held must equal the sessions with ended_at IS NULL");
        return held;
    }

    private static int count(TestDatabase db, String sql, Tenant tenant) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).bind("t", tenant.id()).mapTo(Integer.class).one());
    }
}
