package dev.licensebot.server.cli;

import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.secrets.SecretBox;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.oauth.InstallLinks;
import dev.licensebot.slack.testing.TestSecrets;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliSlackInstallLinkTest {

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Map<String, String> env(TestDatabase db, String key) {
        Map<String, String> env = CliHarness.env(db.settings());
        env.put("PUBLIC_URL", "https://licensebot.example.com/");
        env.put(SecretBox.KEY_VARIABLE, key);
        return env;
    }

    @OnBothDatabases
    void theLinkPrintedIsTheInstallPageWithALinkUsableForThatTenant(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        String key = TestSecrets.KEY;

        CliHarness.Result result = CliHarness.run(env(db, key), t.clock(), new CliHarness.StoppableLifetime(),
                db.settings(), "tenant", "slack-install-link", "--tenant", tenant.id(), "--valid-for", "2h");

        assertEquals(0, result.exitCode(), result::toString);
        URI url = URI.create(result.out().strip());
        assertEquals("https://licensebot.example.com/slack/install", url.getScheme() + "://" + url.getHost()
                + url.getPath());
        String token = URLDecoder.decode(url.getRawQuery().substring("link=".length()), StandardCharsets.UTF_8);
        InstallLinks links = new InstallLinks(db.jdbi(), SecretBox.ofBase64Key(key), t.core().tenants(),
                t.core().audit(), t.clock());
        assertTrue(links.usable(token).isPresent());
        assertTrue(t.core().audit().recent(tenant.id(), 5).stream().map(AuditEntry::action)
                .anyMatch(InstallLinks.CREATED::equals));
        t.clock().advance(Duration.ofHours(2));
        assertTrue(links.usable(token).isEmpty(), "expired after --valid-for");
    }

    @OnBothDatabases
    void withoutAKeyOrAPublicUrlOrWithAnotherKeyNoLinkIsMade(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        Map<String, String> noKey = env(db, "");
        Map<String, String> noUrl = env(db, TestSecrets.KEY);
        noUrl.remove("PUBLIC_URL");
        CliHarness.run(env(db, TestSecrets.KEY), t.clock(), new CliHarness.StoppableLifetime(), db.settings(),
                "tenant", "slack-install-link", "--tenant", tenant.id());
        Map<String, String> anotherKey = env(db, newKey());

        for (Map<String, String> env : List.of(noKey, noUrl, anotherKey)) {
            CliHarness.Result refused = CliHarness.run(env, t.clock(), new CliHarness.StoppableLifetime(),
                    db.settings(), "tenant", "slack-install-link", "--tenant", tenant.id());
            assertEquals(2, refused.exitCode(), refused::toString);
            assertTrue(refused.out().isEmpty());
            assertFalse(refused.err().strip().contains("\n"), refused.err());
        }
    }
}
