package dev.licensebot.server.api;

import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.digest.PoolDigest;
import dev.licensebot.core.tenant.Pool;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The weekly digest, the same content as the chat and console answers; the week runs from
 * {@code weekFrom} to {@code today}, both included, days cut in {@code timeZone}.
 */
public record DigestJson(PoolDigestJson session, PoolDigestJson user, String timeZone, LocalDate weekFrom,
                         LocalDate today, Instant asOf) {

    static DigestJson of(Digest digest) {
        return new DigestJson(PoolDigestJson.of(pool(digest, Pool.SESSION)), PoolDigestJson.of(pool(digest, Pool.USER)),
                digest.zone().getId(), digest.weekFrom(), digest.today(), digest.asOf());
    }

    private static PoolDigest pool(Digest digest, Pool pool) {
        return digest.pools().stream().filter(p -> p.pool() == pool).findFirst().orElseThrow();
    }
}
