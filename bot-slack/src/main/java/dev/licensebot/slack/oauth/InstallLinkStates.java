package dev.licensebot.slack.oauth;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.OAuthStateService;

import java.util.List;
import java.util.Map;

/**
 * The OAuth states of {@link JdbcOAuthStateService}, and one thing more: an install page opened
 * with a usable install link ({@code /slack/install?link=…}) binds the link to the state it issues,
 * so the callback that brings the state back knows which tenant the installation is for.
 */
public final class InstallLinkStates implements OAuthStateService {

    private final JdbcOAuthStateService states;
    private final InstallLinks links;

    public InstallLinkStates(JdbcOAuthStateService states, InstallLinks links) {
        this.states = states;
        this.links = links;
    }

    @Override
    public String issueNewState(Request request, Response response) throws Exception {
        String state = OAuthStateService.super.issueNewState(request, response);
        Request<?> typed = request;
        Map<String, List<String>> query = typed.getQueryString();
        List<String> link = query == null ? null : query.get(InstallLinks.PARAMETER);
        if (link != null && !link.isEmpty()) {
            links.usable(link.get(0)).ifPresent(id -> links.bind(id, state));
        }
        return state;
    }

    @Override
    public long getExpirationInSeconds() {
        return states.getExpirationInSeconds();
    }

    @Override
    public void addNewStateToDatastore(String state) {
        states.addNewStateToDatastore(state);
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return states.isAvailableInDatabase(state);
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        states.deleteStateFromDatastore(state);
    }
}
