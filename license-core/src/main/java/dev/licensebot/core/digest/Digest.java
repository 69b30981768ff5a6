package dev.licensebot.core.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The weekly digest of one tenant: each pool's week against its 30 days (docs/alerts.md, "The
 * weekly digest"). The week is the last {@link Digests#COMPLETED_DAYS} completed days and today,
 * from {@code weekFrom} to {@code today}, days cut in {@code zone}; every figure is as of {@code asOf}.
 *
 * @param pools the session pool first, then the user pool
 */
public record Digest(String tenantId, ZoneId zone, LocalDate weekFrom, LocalDate today, Instant asOf,
                     List<PoolDigest> pools) {

    public Digest {
        pools = List.copyOf(pools);
    }
}
