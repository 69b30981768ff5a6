package dev.licensebot.slack.identity;

import com.slack.api.model.User;
import dev.licensebot.core.access.Standing;

import java.util.Objects;

/**
 * What users.info vouches for about someone, for a request from one workspace (and Enterprise
 * Grid organization, if any): only an active, non-bot, full member of that very workspace whose
 * email Slack confirmed is a {@link Standing#MEMBER}. Flags Slack leaves out count as not vouched.
 */
final class SlackStanding {

    private static final String SLACKBOT = "USLACKBOT";

    private SlackStanding() {
    }

    static Standing of(User user, String requestTeam, String requestEnterprise) {
        if (user.isDeleted()) {
            return Standing.DELETED;
        }
        if (user.isBot() || user.isAppUser() || user.isWorkflowBot() || SLACKBOT.equals(user.getId())) {
            return Standing.BOT;
        }
        if (user.isStranger() || !belongsTo(user, requestTeam, requestEnterprise)) {
            return Standing.STRANGER;
        }
        if (user.isRestricted() || user.isUltraRestricted()) {
            return Standing.GUEST;
        }
        return user.isEmailConfirmed() ? Standing.MEMBER : Standing.EMAIL_UNCONFIRMED;
    }

    /**
     * Of the request's organization (or of none when the request names none), and of its
     * workspace: their own team, or one of the Grid workspaces Slack lists for them.
     */
    private static boolean belongsTo(User user, String requestTeam, String requestEnterprise) {
        User.EnterpriseUser grid = user.getEnterpriseUser();
        String enterprise = blankToNull(user.getEnterpriseId() != null ? user.getEnterpriseId()
                : grid == null ? null : grid.getEnterpriseId());
        if (!Objects.equals(enterprise, blankToNull(requestEnterprise))) {
            return false;
        }
        if (requestTeam.equals(user.getTeamId())) {
            return true;
        }
        return grid != null && grid.getTeams() != null && grid.getTeams().contains(requestTeam);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
