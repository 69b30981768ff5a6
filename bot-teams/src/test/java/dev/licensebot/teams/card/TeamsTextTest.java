package dev.licensebot.teams.card;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TeamsTextTest {

    @Test
    void platformTextCannotBecomeALinkOrEmphasis() {
        assertEquals("\\[click\\](http://evil) \\*now\\* a\\_b", Text.escape("[click](http://evil) *now* a_b"));
    }

    @Test
    void datesAndOrdinaryNamesStayAsTheyAre() {
        assertEquals("2026-03-10 Anne-Marie O'Neil.", Text.escape("2026-03-10 Anne-Marie O'Neil."));
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertEquals("abcd…", Text.cut("abcdefgh", 5));
        assertEquals("abc", Text.cut("abc", 5));
    }

    @Test
    void lineBreaksCannotStartNewMarkdownBlocks() {
        assertEquals("one # two", Text.escape("one\n# two"));
    }
}
