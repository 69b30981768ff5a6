package dev.licensebot.teams.identity;

import dev.licensebot.teams.turn.MemberProfile;
import dev.licensebot.teams.turn.Turn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whoever sent an activity as the Teams member lookup shows them (address, tenant, role),
 * remembered for a while so that paging through a list costs no extra round trip. The
 * cache only saves lookups: roles are read from the database on every request, so a node that
 * never saw someone before answers exactly like one that did.
 */
public final class MemberDirectory {

    static final Duration TTL = Duration.ofMinutes(15);
    static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Map<String, Entry> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public MemberDirectory(Clock clock) {
        this.clock = clock;
    }

    private record Entry(MemberProfile profile, Instant expires) {
    }

    /** Empty when Teams does not know the sender. */
    public Optional<MemberProfile> profileOf(Turn turn) {
        String userId = turn.activity().fromId();
        if (userId == null) {
            return Optional.empty();
        }
        String key = turn.activity().entraTenant() + "|" + userId;
        Instant now = clock.instant();
        synchronized (cache) {
            Entry entry = cache.get(key);
            if (entry != null && entry.expires().isAfter(now)) {
                return Optional.of(entry.profile());
            }
        }
        Optional<MemberProfile> profile = turn.member(userId);
        // Someone without an address is asked again next time: Teams may know it by then.
        profile.filter(p -> p.address() != null).ifPresent(p -> {
            synchronized (cache) {
                cache.put(key, new Entry(p, now.plus(TTL)));
            }
        });
        return profile;
    }
}
