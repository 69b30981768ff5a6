package dev.licensebot.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.licensebot.server.pages.PublisherPages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

@Command(name = "teams-package",
        description = {"Build the Microsoft Teams app package (a zip) to upload in Teams.",
                "",
                "The zip holds manifests/teams/manifest.json with the bot's app id and",
                "host filled in, and its two icons. Needs no database.",
                "",
                "The app's website, privacy and terms links point at the pages the",
                "server itself serves (https://HOST/, /privacy, /terms), which say what",
                "licensebot keeps and that your organization answers for it; give",
                "--privacy-url and --terms-url to link your own documents instead."})
final class TeamsPackageCommand implements Callable<Integer> {

    /** Where the build puts manifests/teams (server/pom.xml): one source, read from the jar. */
    static final String TEMPLATE_DIR = "/manifests/teams/";
    static final String APP_ID = "{{MICROSOFT_APP_ID}}";
    static final String HOST = "{{HOST}}";
    static final String PRIVACY_URL = "{{PRIVACY_URL}}";
    static final String TERMS_URL = "{{TERMS_URL}}";

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    // A DNS name of two labels or more: what Teams accepts in validDomains and what Azure routes to.
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    /** The icons the manifest names, with the square size Teams demands of each. */
    private static final List<Icon> ICONS = List.of(new Icon("color", 192), new Icon("outline", 32));

    private record Icon(String field, int size) {
    }

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--app-id", required = true, paramLabel = "ID",
            description = "The bot's Microsoft App ID (a GUID), as in MICROSOFT_APP_ID.")
    String appId;

    @Option(names = "--host", required = true, paramLabel = "HOST",
            description = "The public host name of the server, e.g. licensebot.example.com.")
    String host;

    @Option(names = "--privacy-url", paramLabel = "URL",
            description = "Your privacy statement (https); default https://HOST/privacy, served by licensebot.")
    String privacyUrl;

    @Option(names = "--terms-url", paramLabel = "URL",
            description = "Your terms of use (https); default https://HOST/terms, served by licensebot.")
    String termsUrl;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "licensebot-teams.zip",
            description = "The zip to write (default ${DEFAULT-VALUE}); replaced if it exists.")
    Path out;

    TeamsPackageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        String id = checkedAppId();
        String hostName = checkedHost();
        Path target = checkedOut();
        ObjectNode manifest = filled(template(), Map.of(APP_ID, id, HOST, hostName,
                PRIVACY_URL, checkedUrl("--privacy-url", privacyUrl, "https://" + hostName + PublisherPages.PRIVACY),
                TERMS_URL, checkedUrl("--terms-url", termsUrl, "https://" + hostName + PublisherPages.TERMS)));
        checkEssentials(manifest, id);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.json", new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        for (Icon icon : ICONS) {
            String file = manifest.path("icons").path(icon.field()).asText();
            files.put(file, checkedIcon(file, icon.size()));
        }
        zip(target, files);
        context.out().println("Wrote " + target + " (" + String.join(", ", files.keySet()) + ") for bot " + id
                + " at " + hostName + ". Upload it in Teams: Apps > Manage your apps > Upload an app.");
        return Cli.OK;
    }

    private String checkedAppId() {
        String value = appId.trim();
        if (!GUID.matcher(value).matches()) {
            throw usage("--app-id: '" + appId + "' is not a GUID such as 1a2b3c4d-0000-4000-8000-00000000abcd "
                    + "(the Azure bot's Microsoft App ID)");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private String checkedHost() {
        String value = host.trim().toLowerCase(Locale.ROOT);
        if (!HOST_NAME.matcher(value).matches()) {
            throw usage("--host: '" + host + "' is not a bare host name such as licensebot.example.com "
                    + "(no https://, port or path)");
        }
        return value;
    }

    /** Teams accepts only https links; a typo would otherwise surface as a refused upload. */
    private String checkedUrl(String option, String given, String fallback) {
        if (given == null) {
            return fallback;
        }
        String value = given.trim();
        try {
            URI uri = new URI(value);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // refused below, with the same one line as any other non-https value
        }
        throw usage(option + ": '" + given + "' is not an https:// URL such as https://example.com/privacy");
    }

    private Path checkedOut() {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target) || !Files.isDirectory(target.getParent())) {
            throw usage("--out: " + out + " must be a file in an existing folder");
        }
        return target;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static ObjectNode template() throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(resource("manifest.json"));
    }

    /** Replaces the placeholders in every string of the manifest, wherever the template put them. */
    static ObjectNode filled(ObjectNode template, Map<String, String> values) {
        ObjectNode manifest = template.deepCopy();
        fill(manifest, values);
        return manifest;
    }

    private static void fill(JsonNode node, Map<String, String> values) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(replace(field.getValue().asText(), values)));
                } else {
                    fill(field.getValue(), values);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(replace(array.get(i).asText(), values)));
                } else {
                    fill(array.get(i), values);
                }
            }
        }
    }

    private static String replace(String text, Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }

    /**
     * What Teams would refuse the upload for, checked here because the official schema stays out of
     * the jar (the tests hold the package against it). A failure is a broken build, not the operator's.
     */
    private static void checkEssentials(ObjectNode manifest, String id) {
        List<String> problems = new ArrayList<>();
        if (!"1.22".equals(manifest.path("manifestVersion").asText())) {
            problems.add("manifestVersion is not 1.22");
        }
        for (String field : List.of("/version", "/developer/name", "/developer/websiteUrl", "/developer/privacyUrl",
                "/developer/termsOfUseUrl", "/name/short", "/description/short", "/description/full",
                "/icons/color", "/icons/outline", "/accentColor")) {
            if (manifest.at(field).asText().isBlank()) {
                problems.add(field + " is missing");
            }
        }
        if (!id.equals(manifest.path("id").asText()) || !id.equals(manifest.at("/bots/0/botId").asText())) {
            problems.add("id and bots[0].botId are not the app id");
        }
        if (manifest.toString().contains("{{")) {
            problems.add("a placeholder is left unfilled");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the Teams manifest in this build is broken: " + String.join("; ", problems));
        }
    }

    private static byte[] checkedIcon(String file, int size) throws IOException {
        byte[] bytes = resource(file);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null || image.getWidth() != size || image.getHeight() != size) {
            throw new IllegalStateException("the Teams icon " + file + " in this build is not a " + size + "x" + size
                    + " PNG");
        }
        return bytes;
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = TeamsPackageCommand.class.getResourceAsStream(TEMPLATE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("this build lacks " + TEMPLATE_DIR + file);
            }
            return in.readAllBytes();
        }
    }

    /** Written beside the target and moved over it, so a failure never leaves half a package. */
    private static void zip(Path target, Map<String, byte[]> files) throws IOException {
        Path partial = Files.createTempFile(target.getParent(), ".teams-package", ".zip");
        try {
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
