package dev.licensebot.server.fuzz;

import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kind of failure another part of issue 21 fixes: tolerated by the fuzz test until that part is merged. */
record KnownOpen(String part, String what, Predicate<Verdict.Failure> matches) {

    static String header(Verdict.Failure failure, String name) {
        return failure.exchange().request().headers().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    static String path(Verdict.Failure failure) {
        String target = failure.exchange().request().target();
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** Whether an {@code expires} parameter is a long that no Instant can hold. */
    static boolean expiresOutOfRange(String target) {
        Matcher expires = Pattern.compile("[?&]expires=(-?[0-9]+)").matcher(target);
        while (expires.find()) {
            try {
                long seconds = Long.parseLong(expires.group(1));
                if (seconds > Instant.MAX.getEpochSecond() || seconds < Instant.MIN.getEpochSecond()) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // Not a long: the link is refused as invalid, no 500.
            }
        }
        return false;
    }
}
