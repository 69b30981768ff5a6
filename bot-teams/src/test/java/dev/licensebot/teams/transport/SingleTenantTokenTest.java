package dev.licensebot.teams.transport;

import dev.licensebot.teams.testing.BotFrameworkTokens;
import dev.licensebot.teams.testing.FakeEntraLogin;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A SingleTenant bot's outgoing token comes from its own Entra tenant's token endpoint and reaches
 * the Bot Connector as a Bearer token. The SDK's credentials (and msal4j under them) know only
 * https://login.microsoftonline.com, with instance discovery there, so the check runs in a JVM of
 * its own whose HTTPS proxy tunnels that name to a local fake and which trusts the fake's certificate:
 * the code path is the production one, unchanged.
 */
class SingleTenantTokenTest {

    @Test
    void theTokenFromTheBotsOwnTenantReachesTheConnectorAsABearerToken() throws Exception {
        String appId = UUID.randomUUID().toString();
        String tenant = "entra-" + UUID.randomUUID();
        try (FakeEntraLogin login = FakeEntraLogin.start(); FakeTeamsConnector connector = FakeTeamsConnector.start()) {
            BotFrameworkTokens tokens = new BotFrameworkTokens();
            connector.publishSigningKeys(tokens.signingKeys());
            Path log = Files.createTempFile("single-tenant-probe", ".log");

            Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djdk.net.hosts.file=" + login.hostsFile(),
                    "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + login.proxyPort(),
                    "-Djavax.net.ssl.trustStore=" + login.trustStore(),
                    "-Djavax.net.ssl.trustStorePassword=" + FakeEntraLogin.STORE_PASSWORD,
                    "-Djavax.net.ssl.trustStoreType=PKCS12",
                    "-cp", System.getProperty("java.class.path"), SingleTenantTokenProbe.class.getName(),
                    connector.serviceUrl(), connector.openIdMetadataUrl(), appId, "s3cr3t", tenant,
                    tokens.valid(appId, connector.serviceUrl()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = probe.waitFor(90, TimeUnit.SECONDS);
            if (!finished) {
                probe.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, "the probe finished: " + output);

            assertEquals(0, probe.exitValue(), output);
            assertEquals(1, connector.sent().size(), output);
            assertEquals("Bearer " + login.token(), connector.sent().get(0).authorization());
            assertEquals(1, login.tokenRequests().size(), output);
            FakeEntraLogin.TokenRequest asked = login.tokenRequests().get(0);
            assertEquals("/" + tenant + "/oauth2/v2.0/token", asked.path(), "the bot's own tenant");
            assertEquals("client_credentials", asked.form().get("grant_type"));
            assertEquals(appId, asked.form().get("client_id"));
            assertEquals("s3cr3t", asked.form().get("client_secret"));
            // msal4j adds its own (openid profile offline_access) to the one the SDK asks for.
            assertTrue(List.of(asked.form().get("scope").split(" ")).contains("https://api.botframework.com/.default"),
                    asked.form().get("scope"));
        }
    }
}
