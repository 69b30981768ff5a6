package dev.licensebot.server.pages;

import io.javalin.config.RoutesConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The website, privacy and terms pages the Teams app package links to (developer.websiteUrl,
 * privacyUrl, termsOfUseUrl), so the links an admin sees in Teams lead somewhere true. They are
 * static, say what the software keeps and that the organization running it answers for it; an
 * operator with documents of its own points the package at them instead (teams-package options).
 */
public final class PublisherPages {

    public static final String WEBSITE = "/";
    public static final String PRIVACY = "/privacy";
    public static final String TERMS = "/terms";

    private static final Map<String, String> FILES = Map.of(WEBSITE, "index.html", PRIVACY, "privacy.html",
            TERMS, "terms.html");

    private PublisherPages() {
    }

    public static void routes(RoutesConfig routes) {
        FILES.forEach((path, file) -> {
            byte[] page = read(file);
            routes.get(path, ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        });
    }

    /** Read once at start-up: a build without them is broken, and says so before serving. */
    private static byte[] read(String file) {
        try (InputStream in = PublisherPages.class.getResourceAsStream("/pages/" + file)) {
            if (in == null) {
                throw new IllegalStateException("this build lacks /pages/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
