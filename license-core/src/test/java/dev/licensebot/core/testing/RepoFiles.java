package dev.licensebot.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files beside or inside the repository (manifests/, the schemas in shared/), found from whichever
 * module folder a test runs in by walking up from it.
 */
public final class RepoFiles {

    private RepoFiles() {
    }

    /** The first {@code relative} found in the working folder or a folder above it. */
    public static Path find(String relative) {
        List<Path> tried = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException(relative + " is not where it should be; looked at " + tried);
    }
}
