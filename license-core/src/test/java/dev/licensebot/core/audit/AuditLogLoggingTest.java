package dev.licensebot.core.audit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every audited admin action is also a log line carrying tenant, actor, surface, action and outcome as fields. */
class AuditLogLoggingTest {

    @OnBothDatabases
    void everyAuditedActionIsLoggedWithTenantActorSurfaceAndOutcome(TestDatabase db) {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.class);
        logged.start();
        logger.addAppender(logged);
        try {
            TestCore t = TestCore.on(db);
            Tenant tenant = t.tenant(5, 5);
            Actor supervisor = t.operator(tenant, Role.SUPERVISOR);
            t.core().replenishments().apply(tenant, Actor.cli(tenant.id()), Pool.SESSION, 3, "growth");
            assertThrows(Refusal.class, () -> t.core().replenishments().apply(tenant, supervisor, Pool.USER, 1, null));

            List<ILoggingEvent> events = logged.list.stream()
                    .filter(e -> tenant.id().equals(fields(e).get("tenant"))).toList();
            assertEquals(List.of("ROLE_CHANGE", "REPLENISH", "REPLENISH"),
                    events.stream().map(e -> fields(e).get("action")).toList(), "the grant is audited too");
            assertEquals(Map.of("tenant", tenant.id(), "actor", "cli", "surface", "CLI", "action", "REPLENISH",
                    "outcome", "total now 8"), fields(events.get(1)));
            assertTrue(events.get(1).getFormattedMessage().contains("+3 session licenses (growth)"),
                    events.get(1)::getFormattedMessage);
            Map<String, String> refused = fields(events.get(2));
            assertEquals(supervisor.name(), refused.get("actor"));
            assertTrue(refused.get("outcome").startsWith("refused"), refused::toString);
        } finally {
            logger.detachAppender(logged);
        }
    }

    private static Map<String, String> fields(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        return pairs.stream().collect(Collectors.toMap(p -> p.key, p -> String.valueOf(p.value)));
    }
}
