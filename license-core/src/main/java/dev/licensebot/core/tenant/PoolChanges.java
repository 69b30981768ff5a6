package dev.licensebot.core.tenant;

import java.util.function.Consumer;

/**
 * Someone took or released a license of a tenant, or was refused one: said after the commit, so
 * that the alerts look again at once rather than at their next periodic round. Nobody listens
 * outside a server; the listener must return quickly (it only queues the tenant).
 */
public final class PoolChanges {

    private volatile Consumer<String> listener = tenantId -> {
    };

    public void changed(String tenantId) {
        listener.accept(tenantId);
    }

    /** The one listener (the alerts of this node). */
    public void listen(Consumer<String> listener) {
        this.listener = listener;
    }
}
