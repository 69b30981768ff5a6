package dev.licensebot.slack.oauth;

import com.slack.api.bolt.model.builtin.DefaultInstaller;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.secrets.SecretBox;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallLinksTest {

    private static InstallLinks links(TestCore t, SecretBox box) {
        return new InstallLinks(t.database().jdbi(), box, t.core().tenants(), t.core().audit(), t.clock());
    }

    private static DefaultInstaller installed(String enterpriseId, String teamId, boolean orgWide) {
        return JdbcInstallationServiceTest.installer(enterpriseId, teamId, orgWide, "xoxb-" + teamId);
    }

    @OnBothDatabases
    void anInstallCompletedThroughATenantsLinkServesThatTenantAndIsAudited(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        InstallLinks links = links(t, JdbcInstallationServiceTest.newBox());
        String team = JdbcInstallationServiceTest.newTeam();
        String state = UUID.randomUUID().toString();

        String id = links.usable(links.create(tenant.id(), InstallLinks.DEFAULT_LIFETIME)).orElseThrow();
        links.bind(id, state);

        assertEquals(Optional.of(tenant.id()), links.complete(state, installed(null, team, false)));
        assertEquals(tenant.id(), t.core().tenants().findBySlackTeam(team).orElseThrow().id());
        assertTrue(t.core().audit().recent(tenant.id(), 10).stream().map(AuditEntry::action)
                .anyMatch(InstallLinks.LINKED::equals));
    }

    @OnBothDatabases
    void aLinkIsUsedOnceAndAnInstallWithoutOneStaysUnlinked(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        InstallLinks links = links(t, JdbcInstallationServiceTest.newBox());
        String token = links.create(tenant.id(), InstallLinks.DEFAULT_LIFETIME);
        String first = UUID.randomUUID().toString();
        links.bind(links.usable(token).orElseThrow(), first);
        links.complete(first, installed(null, JdbcInstallationServiceTest.newTeam(), false));
        String second = JdbcInstallationServiceTest.newTeam();

        assertTrue(links.usable(token).isEmpty(), "used");
        assertTrue(links.complete(first, installed(null, second, false)).isEmpty(), "the same state again");
        assertTrue(links.complete(UUID.randomUUID().toString(), installed(null, second, false)).isEmpty(), "no link");
        assertTrue(t.core().tenants().findBySlackTeam(second).isEmpty());
    }

    @OnBothDatabases
    void aChangedForeignOrExpiredLinkIsRefused(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        SecretBox box = JdbcInstallationServiceTest.newBox();
        InstallLinks links = links(t, box);
        String token = links.create(tenant.id(), Duration.ofHours(1));

        assertTrue(links.usable(token.substring(0, token.length() - 2) + "AA").isEmpty(), "changed");
        assertTrue(links(t, JdbcInstallationServiceTest.newBox()).usable(token).isEmpty(), "another key");
        assertTrue(links.usable("made-up.1999999999~AAAA").isEmpty(), "made up");
        assertTrue(links.usable(null).isEmpty());
        t.clock().advance(Duration.ofHours(1));
        assertTrue(links.usable(token).isEmpty(), "expired");
        assertThrows(Refusal.class, () -> links.create("no-such-tenant", Duration.ofHours(1)));
    }

    @OnBothDatabases
    void anOrgWideInstallLinksItsEnterpriseGridOrganization(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        InstallLinks links = links(t, JdbcInstallationServiceTest.newBox());
        String enterprise = "E" + JdbcInstallationServiceTest.newTeam();
        String state = UUID.randomUUID().toString();
        links.bind(links.usable(links.create(tenant.id(), InstallLinks.DEFAULT_LIFETIME)).orElseThrow(), state);

        links.complete(state, installed(enterprise, null, true));

        assertEquals(tenant.id(), t.core().tenants().findBySlackTeam(enterprise).orElseThrow().id());
    }
}
