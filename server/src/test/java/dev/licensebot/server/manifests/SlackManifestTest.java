package dev.licensebot.server.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import dev.licensebot.slack.handler.LicensesCommand;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** manifests/slack: valid, the same in YAML and JSON, and asking for exactly the scopes the code needs. */
class SlackManifestTest {

    private static final String EVENTS_URL = "https://YOUR_HOST/slack/events";
    private static final String HTTP = "manifests/slack/manifest";
    private static final String SOCKET_MODE = "manifests/slack/manifest.socket-mode";

    /**
     * The bot scopes each Web API method needs (api.slack.com/methods). A method the code starts
     * calling fails the scope test below until it is added here, and the manifest with it.
     */
    private static final Map<String, Set<String>> SCOPES_BY_METHOD = Map.of(
            Methods.AUTH_TEST, Set.of(),
            Methods.USERS_INFO, Set.of("users:read", "users:read.email"),
            Methods.CHAT_POST_MESSAGE, Set.of("chat:write"),
            Methods.CHAT_UPDATE, Set.of("chat:write"),
            // Public channels, and the private ones the bot is in.
            Methods.CONVERSATIONS_INFO, Set.of("channels:read", "groups:read"),
            Methods.VIEWS_PUBLISH, Set.of(),
            Methods.VIEWS_OPEN, Set.of(),
            Methods.FILES_GET_UPLOAD_URL_EXTERNAL, Set.of("files:write"),
            Methods.FILES_COMPLETE_UPLOAD_EXTERNAL, Set.of("files:write"));

    /**
     * The SDK's own flows that are several Web API methods: files.uploadV2 is getUploadURLExternal,
     * a POST to the URL it hands out, and completeUploadExternal.
     */
    private static final Map<String, Set<String>> SDK_FLOWS = Map.of("filesUploadV2",
            Set.of(Methods.FILES_GET_UPLOAD_URL_EXTERNAL, Methods.FILES_COMPLETE_UPLOAD_EXTERNAL));

    /** Called by the SDK, not by our sources: Bolt checks the bot token at start-up. */
    private static final Set<String> CALLED_BY_BOLT = Set.of(Methods.AUTH_TEST);

    /** The slash command is a feature, not a method: it needs `commands`. */
    private static final Set<String> FEATURE_SCOPES = Set.of("commands");

    @Test
    void everySlackManifestIsValidAgainstTheOfficialSchema() {
        for (String manifest : new String[] {HTTP, SOCKET_MODE}) {
            for (String ext : new String[] {".yml", ".json"}) {
                JsonNode document = read(manifest + ext);
                int major = document.path("_metadata").path("major_version").asInt();
                Manifests.assertValid(Manifests.slackSchema(major), document, manifest + ext);
            }
        }
    }

    @Test
    void theSchemaCheckRefusesWhatSlackWouldRefuse() {
        ObjectNode broken = (ObjectNode) read(HTTP + ".json").deepCopy();
        ((ObjectNode) broken.at("/features/slash_commands/0")).put("command", "licenses");

        assertFalse(Manifests.slackSchema(1).validate(broken).isEmpty(), "a command without its slash is refused");
    }

    @Test
    void theYamlAndTheJsonOfEachManifestSayTheSameThing() {
        assertEquals(read(HTTP + ".yml"), read(HTTP + ".json"));
        assertEquals(read(SOCKET_MODE + ".yml"), read(SOCKET_MODE + ".json"));
    }

    @Test
    void theHttpManifestSendsCommandsInteractionsAndEventsToSlackEvents() {
        JsonNode manifest = read(HTTP + ".json");
        JsonNode command = manifest.at("/features/slash_commands/0");

        assertEquals(1, manifest.at("/features/slash_commands").size());
        assertEquals(LicensesCommand.COMMAND, command.path("command").asText());
        assertFalse(command.path("description").asText().isBlank());
        assertTrue(command.path("usage_hint").asText().contains("history users|sessions|purchases"));
        assertEquals(EVENTS_URL, command.path("url").asText());
        assertEquals(EVENTS_URL, manifest.at("/settings/interactivity/request_url").asText());
        assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean());
        assertEquals(EVENTS_URL, manifest.at("/settings/event_subscriptions/request_url").asText());
        assertEquals("[\"app_home_opened\"]", manifest.at("/settings/event_subscriptions/bot_events").toString());
        assertTrue(manifest.at("/features/app_home/home_tab_enabled").asBoolean());
        assertTrue(manifest.at("/features/app_home/messages_tab_enabled").asBoolean(),
                "the Home tab's buttons answer in the bot's direct messages");
        assertFalse(manifest.at("/settings/socket_mode_enabled").asBoolean());
    }

    @Test
    void theSocketModeManifestIsTheSameAppWithoutRequestUrls() {
        JsonNode socketMode = read(SOCKET_MODE + ".json");
        ObjectNode expected = (ObjectNode) read(HTTP + ".json").deepCopy();
        ((ObjectNode) expected.at("/features/slash_commands/0")).remove("url");
        ((ObjectNode) expected.at("/settings/interactivity")).remove("request_url");
        ((ObjectNode) expected.at("/settings/event_subscriptions")).remove("request_url");
        ((ObjectNode) expected.path("settings")).put("socket_mode_enabled", true);

        assertEquals(expected, socketMode);
        assertFalse(socketMode.toString().contains("YOUR_HOST"));
    }

    @Test
    void theBotScopesAreExactlyThoseTheWebApiMethodsTheCodeCallsNeed() throws IOException {
        Set<String> called = new TreeSet<>(webApiMethodsCalledIn(Manifests.repoFile("bot-slack/src/main/java")));
        called.addAll(CALLED_BY_BOLT);
        assertTrue(called.containsAll(Set.of(Methods.USERS_INFO, Methods.CHAT_POST_MESSAGE, Methods.VIEWS_PUBLISH,
                Methods.VIEWS_OPEN)), "the source scan finds the calls we know of: " + called);
        assertTrue(SCOPES_BY_METHOD.keySet().containsAll(called),
                "every method the code calls has its scopes in the table; missing: "
                        + called.stream().filter(m -> !SCOPES_BY_METHOD.containsKey(m)).toList());

        Set<String> needed = new TreeSet<>(FEATURE_SCOPES);
        called.forEach(method -> needed.addAll(SCOPES_BY_METHOD.get(method)));
        for (String manifest : new String[] {HTTP, SOCKET_MODE}) {
            Set<String> granted = new TreeSet<>();
            read(manifest + ".json").at("/oauth_config/scopes/bot").forEach(scope -> granted.add(scope.asText()));
            assertEquals(needed, granted, manifest + " asks for exactly the bot scopes the code needs");
            assertTrue(read(manifest + ".json").at("/oauth_config/scopes/user").isMissingNode(), "no user scopes");
        }
    }

    /**
     * Every MethodsClient call in the sources, as Slack names the method: chatPostMessage(…) is
     * chat.postMessage, found through the SDK's own table of method names.
     */
    private static Set<String> webApiMethodsCalledIn(Path sources) throws IOException {
        String code;
        try (Stream<Path> files = Files.walk(sources)) {
            code = files.filter(f -> f.toString().endsWith(".java")).map(SlackManifestTest::readString)
                    .collect(Collectors.joining("\n"));
        }
        return Arrays.stream(MethodsClient.class.getMethods())
                .filter(m -> SlackApiTextResponse.class.isAssignableFrom(m.getReturnType()))
                .map(Method::getName)
                .distinct()
                .filter(name -> code.contains("." + name + "("))
                .flatMap(name -> SDK_FLOWS.containsKey(name) ? SDK_FLOWS.get(name).stream() : Stream.of(slackName(name)))
                .collect(Collectors.toSet());
    }

    private static String slackName(String javaName) {
        String constant = javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return (String) Methods.class.getField(constant).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no Slack method name for MethodsClient." + javaName, e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String file) {
        Path path = Manifests.repoFile(file);
        return file.endsWith(".yml") ? Manifests.readYaml(path) : Manifests.readJson(path);
    }
}
