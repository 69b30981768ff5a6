package dev.licensebot.core.sessions;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hashes are stored in agent_session: a change of how they are computed must not change them. */
class InteractionsHashTest {

    @Test
    void theHashOfOneInteractionIsTheStoredSha256OfItsCanonicalForm() {
        // Base64 of SHA-256("4:Chat=1;"), computed outside Java.
        assertEquals("tS4AB/kH8pkndaCdhQYPQHZ6Ps2Ey935MVQnRJ5iXxc=",
                InteractionsHash.of(List.of(new OpenInteraction("Chat", 1))));
    }

    @Test
    void theHashIsTheSameWhateverTheOrderAndHowOftenItIsComputed() {
        // Base64 of SHA-256("4:Café=2;4:Chat=1;"): sorted by code point, UTF-8.
        String expected = "iwZ3D2HPqm7JqfoKzrdDrW1hnNlVEQpJJWHnLc65ft0=";
        for (int i = 0; i < 3; i++) {
            assertEquals(expected, InteractionsHash.of(List.of(new OpenInteraction("Chat", 1),
                    new OpenInteraction("Café", 2))));
            assertEquals(expected, InteractionsHash.of(List.of(new OpenInteraction("Café", 2),
                    new OpenInteraction("Chat", 1))));
        }
    }
}
