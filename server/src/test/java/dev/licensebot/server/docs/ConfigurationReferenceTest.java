package dev.licensebot.server.docs;

import dev.licensebot.server.manifests.Manifests;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/operations.md lists every environment variable the code reads, and none it does not: the
 * Java code, its XML configuration, and the launcher scripts in bin/ ({@code ${JAVA_OPTS:-…}}).
 */
class ConfigurationReferenceTest {

    private static final List<String> MODULES = List.of("license-core", "bot-slack", "bot-teams", "server");
    // env.get("PORT"), env.getOrDefault("DATABASE_URL", …), System.getenv("X"); ${X} in logback.xml and bin/.
    private static final Pattern READ_IN_JAVA = Pattern.compile("\\b(?:get|getOrDefault|getenv)\\(\\s*\"([A-Z][A-Z0-9_]{2,})\"");
    private static final Pattern READ_IN_CONFIG = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]{2,})");
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([A-Z][A-Z0-9_]+)` \\|", Pattern.MULTILINE);

    @Test
    void theReferenceListsExactlyTheVariablesTheCodeReads() {
        Set<String> read = new TreeSet<>();
        for (String module : MODULES) {
            read.addAll(matches(Manifests.repoFile(module + "/src/main/java"), ".java", READ_IN_JAVA));
            Path resources = Manifests.repoFile(module).resolve("src/main/resources");
            if (Files.isDirectory(resources)) {
                read.addAll(matches(resources, ".xml", READ_IN_CONFIG));
            }
        }
        read.addAll(matches(Manifests.repoFile("bin"), "", READ_IN_CONFIG));
        assertTrue(read.containsAll(Set.of("DATABASE_URL", "PORT", "SLACK_BOT_TOKEN", "MICROSOFT_APP_ID", "JAVA_OPTS")),
                "the scan finds what we know is read: " + read);

        assertEquals(read, documented());
    }

    private static Set<String> documented() {
        String doc = read(Manifests.repoFile("docs/operations.md"));
        String reference = doc.substring(doc.indexOf("## Configuration reference"));
        Set<String> names = new TreeSet<>();
        Matcher m = DOCUMENTED.matcher(reference);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> matches(Path dir, String suffix, Pattern pattern) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(suffix)).forEach(f -> {
                Matcher m = pattern.matcher(read(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
