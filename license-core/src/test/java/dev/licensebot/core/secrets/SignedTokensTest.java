package dev.licensebot.core.secrets;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignedTokensTest {

    @Test
    void aTokenVerifiesWithItsKeyAndNotWhenChangedOrMadeWithAnother() {
        SecretBox box = SecretBox.ofBase64Key(SecretBoxTest.newKey());
        SignedTokens tokens = new SignedTokens(box.derivedKey("slack install link"));
        String token = tokens.sign("abc.1700000000");

        assertEquals(Optional.of("abc.1700000000"), tokens.verify(token));
        assertTrue(tokens.verify(token.replace("abc", "abd")).isEmpty());
        assertTrue(tokens.verify(token + "x").isEmpty());
        assertTrue(tokens.verify("abc.1700000000").isEmpty());
        assertTrue(tokens.verify(null).isEmpty());
        assertTrue(new SignedTokens(box.derivedKey("another purpose")).verify(token).isEmpty());
        assertTrue(new SignedTokens(SecretBox.ofBase64Key(SecretBoxTest.newKey()).derivedKey("slack install link"))
                .verify(token).isEmpty());
        assertNotEquals(token, new SignedTokens(box.derivedKey("x")).sign("abc.1700000000"));
    }
}
