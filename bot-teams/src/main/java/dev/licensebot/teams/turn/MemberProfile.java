package dev.licensebot.teams.turn;

import dev.licensebot.core.access.Standing;

import java.util.Locale;
import java.util.Set;

/**
 * Who a Teams member is, as the member lookup reports them; either address may be missing.
 *
 * @param tenantId the member's own Entra tenant (a guest or a federated user has another one)
 * @param userRole Teams' role for them: user, guest or anonymous (null when Teams does not say)
 */
public record MemberProfile(String email, String userPrincipalName, String tenantId, String userRole) {

    private static final Set<String> GUESTS = Set.of("guest", "anonymous");

    /** The address the core knows operators by: the email, else the user principal name. */
    public String address() {
        if (email != null && email.contains("@")) {
            return email;
        }
        return userPrincipalName != null && userPrincipalName.contains("@") ? userPrincipalName : null;
    }

    /**
     * What Teams vouches for in a conversation of {@code conversationTenant}: a member of that very
     * tenant who is no guest. A lookup that names no tenant vouches for nobody.
     */
    public Standing standingIn(String conversationTenant) {
        if (userRole != null && GUESTS.contains(userRole.trim().toLowerCase(Locale.ROOT))) {
            return Standing.GUEST;
        }
        if (tenantId == null || conversationTenant == null || !tenantId.equalsIgnoreCase(conversationTenant)) {
            return Standing.STRANGER;
        }
        return Standing.MEMBER;
    }
}
