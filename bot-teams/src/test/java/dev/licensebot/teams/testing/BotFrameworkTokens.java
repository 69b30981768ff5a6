package dev.licensebot.teams.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Tokens as the Bot Framework signs them for a bot (issuer api.botframework.com, the app id as
 * audience, the service URL as a claim), with a key the test controls, and forgeries of them.
 */
public final class BotFrameworkTokens {

    public static final String ISSUER = "https://api.botframework.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair channelKey = rsa();
    private final String keyId = "test-key-1";

    /** The JWKS the fake connector publishes: the channel's public key, endorsed for msteams. */
    public JsonNode signingKeys() {
        RSAPublicKey key = (RSAPublicKey) channelKey.getPublic();
        ObjectNode jwks = JSON.createObjectNode();
        ObjectNode jwk = jwks.putArray("keys").addObject();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("kid", keyId);
        jwk.put("n", base64(key.getModulus()));
        jwk.put("e", base64(key.getPublicExponent()));
        jwk.putArray("endorsements").add("msteams");
        return jwks;
    }

    /** A valid token for this bot and service URL. */
    public String valid(String appId, String serviceUrl) {
        return sign(appId, serviceUrl, Instant.now().plus(Duration.ofMinutes(30)), channelKey);
    }

    /** Same claims and key id, but signed by someone else's key. */
    public String forged(String appId, String serviceUrl) {
        return sign(appId, serviceUrl, Instant.now().plus(Duration.ofMinutes(30)), rsa());
    }

    public String expired(String appId, String serviceUrl) {
        return sign(appId, serviceUrl, Instant.now().minus(Duration.ofHours(1)), channelKey);
    }

    private String sign(String appId, String serviceUrl, Instant expires, KeyPair key) {
        return JWT.create()
                .withIssuer(ISSUER)
                .withAudience(appId)
                .withKeyId(keyId)
                .withClaim("serviceurl", serviceUrl)
                .withIssuedAt(Date.from(expires.minus(Duration.ofHours(1))))
                .withNotBefore(Date.from(expires.minus(Duration.ofHours(1))))
                .withExpiresAt(Date.from(expires))
                .sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
    }

    private static String base64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
