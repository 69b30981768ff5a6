package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /licenses digest}: the weekly digest, for account admins, in blocks Slack accepts. */
class SlackDigestTest {

    @OnBothDatabases
    void anAccountAdminGetsBothPoolsWithTheirSizingLinesAndGraphs(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann");
            Digest digest = f.t.core().digests().weeklyFor(f.tenant, f.t.clock().instant());

            // The fixture checks every message against the Block Kit schema.
            SlackFixture.Answer answer = f.command(f.person(Role.ACCOUNT_ADMIN), "digest");

            String text = answer.text();
            assertTrue(text.contains("Weekly digest") && text.contains("Session licenses")
                    && text.contains("User licenses"), text);
            assertTrue(text.contains("Week's peak *1* of " + digest.pools().get(0).total()), text);
            assertTrue(text.contains(digest.pools().get(0).sizing()), text);
            assertTrue(text.contains(digest.pools().get(1).sizing()), text);
            assertTrue(text.contains("Week: 3 Mar – 10 Mar (the last 7 days and today), days in Europe/Berlin"), text);
            assertEquals(2, images(answer.message()), "the 30-day graph of each pool");
        }
    }

    @OnBothDatabases
    void aSupervisorIsRefusedTheDigest(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Answer refused = f.command(f.person(Role.SUPERVISOR), "digest");

            assertTrue(refused.text().contains("Only an account admin or higher can read the weekly digest"),
                    refused.text());
            assertFalse(refused.text().contains("Week's peak"), refused.text());
        }
    }

    private static int images(JsonNode message) {
        int images = 0;
        for (JsonNode block : message.path("blocks")) {
            images += "image".equals(block.path("type").asText()) ? 1 : 0;
        }
        return images;
    }
}
