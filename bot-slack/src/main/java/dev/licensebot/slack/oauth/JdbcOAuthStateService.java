package dev.licensebot.slack.oauth;

import com.slack.api.bolt.service.OAuthStateService;
import dev.licensebot.core.db.Repositories;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;

/**
 * Bolt's OAuth states in the database, so the callback may reach another node than the install
 * page did. A state is single-use: {@link #isAvailableInDatabase} claims it by deleting it, so of
 * two callbacks with one state (a replay, or a race between nodes) exactly one gets it, and an
 * expired state is never accepted. Bolt also checks it against the browser's cookie.
 */
public final class JdbcOAuthStateService implements OAuthStateService {

    /** Long enough to read Slack's consent page, short enough that a leaked state is soon worthless. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Repositories repositories;
    private final Clock clock;

    public JdbcOAuthStateService(Jdbi jdbi, Clock clock) {
        this.repositories = new Repositories(jdbi);
        this.clock = clock;
    }

    @Override
    public long getExpirationInSeconds() {
        return LIFETIME.toSeconds();
    }

    /** Also sweeps the states nobody came back with. */
    @Override
    public void addNewStateToDatastore(String state) {
        repositories.with(SlackInstallationRepository.class, repo -> {
            repo.deleteExpiredStates(clock.instant());
            repo.insertState(state, clock.instant().plus(LIFETIME));
            return null;
        });
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return state != null && repositories.with(SlackInstallationRepository.class,
                repo -> repo.claimState(state, clock.instant())) == 1;
    }

    /** Already gone once claimed; deleting again costs nothing and covers a state never claimed. */
    @Override
    public void deleteStateFromDatastore(String state) {
        repositories.with(SlackInstallationRepository.class, repo -> repo.deleteState(state));
    }
}
