package dev.licensebot.core.secrets;

import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aSealedSecretOpensWithItsKeyAndPurposeAndNeverShowsInPlainText() {
        SecretBox box = SecretBox.ofBase64Key(newKey());

        String sealed = box.seal("slack", "xoxb-secret-token");

        assertFalse(sealed.contains("xoxb"));
        assertNotEquals(sealed, box.seal("slack", "xoxb-secret-token"), "a fresh nonce every time");
        assertEquals("xoxb-secret-token", box.open("slack", sealed));
    }

    @Test
    void anotherKeyAnotherPurposeOrAnAlteredValueIsRefused() {
        SecretBox box = SecretBox.ofBase64Key(newKey());
        String sealed = box.seal("slack", "xoxb-secret-token");
        char[] altered = sealed.toCharArray();
        altered[10] = altered[10] == 'A' ? 'B' : 'A';

        assertThrows(SecretBox.WrongKey.class, () -> SecretBox.ofBase64Key(newKey()).open("slack", sealed));
        assertThrows(SecretBox.WrongKey.class, () -> box.open("teams", sealed));
        assertThrows(SecretBox.WrongKey.class, () -> box.open("slack", new String(altered)));
        assertThrows(SecretBox.WrongKey.class, () -> box.open("slack", "xoxb-plain"));
    }

    @Test
    void aMissingOrMalformedKeyIsOneLineThatNamesTheVariableButNotTheKey() {
        for (String bad : new String[] {null, " ", "not base64 !", Base64.getEncoder().encodeToString(new byte[16])}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretBox.ofBase64Key(bad));
            assertTrue(e.getMessage().startsWith("LICENSEBOT_SECRETS_KEY"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        assertFalse(SecretBox.ofBase64Key(newKey()).toString().contains("="));
    }

    @OnBothDatabases
    void aStartWithAnotherKeyThanTheFirstIsRefusedAndTheSameKeyAccepted(TestDatabase db) {
        String purpose = "t" + UUID.randomUUID().toString().substring(0, 8);
        String key = newKey();

        SecretsKeyCheck.verify(db.jdbi(), SecretBox.ofBase64Key(key), purpose);

        assertDoesNotThrow(() -> SecretsKeyCheck.verify(db.jdbi(), SecretBox.ofBase64Key(key), purpose));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> SecretsKeyCheck.verify(db.jdbi(), SecretBox.ofBase64Key(newKey()), purpose));
        assertTrue(wrong.getMessage().startsWith("LICENSEBOT_SECRETS_KEY is not the key"), wrong.getMessage());
    }
}
