package dev.licensebot.core.conversation;

/** The "current/total with a bar" of the usage answer, drawn the same on every chat platform. */
public final class UsageBar {

    public static final int WIDTH = 10;
    private static final char FULL = '█';
    private static final char EMPTY = '░';

    private UsageBar() {
    }

    /**
     * {@link #WIDTH} cells, filled in proportion and rounded up, so a pool with anything in use
     * never looks empty and only a pool that is really full looks full.
     */
    public static String of(int inUse, int total) {
        int filled = filledCells(inUse, total);
        return String.valueOf(FULL).repeat(filled) + String.valueOf(EMPTY).repeat(WIDTH - filled);
    }

    static int filledCells(int inUse, int total) {
        if (total <= 0) {
            return inUse > 0 ? WIDTH : 0;
        }
        if (inUse >= total) {
            return WIDTH;
        }
        long cells = ((long) Math.max(inUse, 0) * WIDTH + total - 1) / total;
        return (int) Math.min(cells, WIDTH - 1L);
    }
}
