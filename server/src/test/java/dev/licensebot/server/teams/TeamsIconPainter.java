package dev.licensebot.server.teams;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paints the two Teams icons in manifests/teams: a license card (a badge with two lines of text)
 * in white. Geometry only, no fonts, so every JDK paints the same picture. The PNGs are committed;
 * run this only to change them, from the repository root:
 * {@code java server/src/test/java/dev/licensebot/server/teams/TeamsIconPainter.java manifests/teams}
 */
public final class TeamsIconPainter {

    static final Color ACCENT = new Color(0x1D, 0x4F, 0x91);

    private TeamsIconPainter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "manifests/teams");
        Files.createDirectories(dir);
        ImageIO.write(color(), "png", dir.resolve("color.png").toFile());
        ImageIO.write(outline(), "png", dir.resolve("outline.png").toFile());
    }

    /** 192×192, full colour: the white card on the accent colour, edge to edge as Teams crops it. */
    static BufferedImage color() {
        BufferedImage image = new BufferedImage(192, 192, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(ACCENT);
        g.fillRect(0, 0, 192, 192);
        card(g, 192, Color.WHITE);
        g.dispose();
        return image;
    }

    /** 32×32, white on transparent, as Teams requires for the outline icon. */
    static BufferedImage outline() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        card(g, 32, Color.WHITE);
        g.dispose();
        return image;
    }

    /** The card, scaled to a square of {@code size}: an outlined card, a badge and two text lines. */
    private static void card(Graphics2D g, int size, Color ink) {
        double u = size / 32.0;
        g.setColor(ink);
        g.setStroke(new BasicStroke((float) (2 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new RoundRectangle2D.Double(3 * u, 7 * u, 26 * u, 18 * u, 5 * u, 5 * u));
        g.fill(new Ellipse2D.Double(7 * u, 11 * u, 8 * u, 8 * u));
        g.draw(new Line2D.Double(18 * u, 13 * u, 25 * u, 13 * u));
        g.draw(new Line2D.Double(18 * u, 18 * u, 23 * u, 18 * u));
        g.draw(new Line2D.Double(7 * u, 21.5 * u, 15 * u, 21.5 * u));
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }
}
