package dev.licensebot.teams.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Microsoft Entra's login (login.microsoftonline.com) as msal4j sees it, on a free local port with a
 * self-signed certificate for that name: its instance discovery and its token endpoint, which hands
 * a token to the client id and secret it was given. A JVM reaches it through {@link #proxyPort}, an
 * HTTPS proxy that tunnels every CONNECT here, with a hosts file that names 127.0.0.1 as the login
 * host ({@link #hostsFile}, so nothing asks a real DNS) and a trust store holding the certificate
 * ({@link #trustStore}).
 */
public final class FakeEntraLogin implements AutoCloseable {

    public static final String HOST = "login.microsoftonline.com";
    public static final String STORE_PASSWORD = "changeit";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One token request: the path it went to and its form fields. */
    public record TokenRequest(String path, Map<String, String> form) {
    }

    private final Path dir;
    private final HttpsServer server;
    private final ConnectTunnel tunnel;
    private final String token = "entra-token-" + UUID.randomUUID();
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

    private FakeEntraLogin(Path dir, HttpsServer server) throws IOException {
        this.dir = dir;
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
        this.tunnel = ConnectTunnel.to(server.getAddress().getPort());
    }

    public static FakeEntraLogin start() throws IOException {
        Path dir = Files.createTempDirectory("fake-entra");
        Path store = dir.resolve("login.p12");
        keytool(store);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext(store)));
        Files.writeString(dir.resolve("hosts"), "127.0.0.1 " + HOST + "\n");
        return new FakeEntraLogin(dir, server);
    }

    /** The HTTPS proxy (for -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort) that leads to this login. */
    public int proxyPort() {
        return tunnel.port();
    }

    /** A hosts file (for -Djdk.net.hosts.file) that names 127.0.0.1 as the login host, and nothing else. */
    public Path hostsFile() {
        return dir.resolve("hosts");
    }

    /** A PKCS12 store (for -Djavax.net.ssl.trustStore) with the login host's certificate. */
    public Path trustStore() {
        return dir.resolve("login.p12");
    }

    public String token() {
        return token;
    }

    public List<TokenRequest> tokenRequests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            ObjectNode body = JSON.createObjectNode();
            if (path.equals("/common/discovery/instance")) {
                body.put("tenant_discovery_endpoint",
                        "https://" + HOST + "/common/v2.0/.well-known/openid-configuration");
                body.put("api-version", "1.1");
                ObjectNode metadata = body.putArray("metadata").addObject();
                metadata.put("preferred_network", HOST);
                metadata.put("preferred_cache", "login.windows.net");
                metadata.putArray("aliases").add(HOST).add("login.windows.net").add("login.microsoft.com");
                respond(exchange, 200, body);
            } else if (path.endsWith("/oauth2/v2.0/token") && exchange.getRequestMethod().equals("POST")) {
                requests.add(new TokenRequest(path, form(exchange.getRequestBody())));
                body.put("token_type", "Bearer");
                body.put("expires_in", 3599);
                body.put("ext_expires_in", 3599);
                body.put("access_token", token);
                respond(exchange, 200, body);
            } else {
                body.put("error", "invalid_request");
                respond(exchange, 404, body);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(InputStream in) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** A self-signed certificate for the login host, made by the JDK's keytool. */
    private static void keytool(Path store) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "login", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + HOST, "-ext", "SAN=dns:" + HOST, "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static SSLContext sslContext(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, STORE_PASSWORD.toCharArray());
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        tunnel.close();
        server.stop(0);
    }
}
