package dev.licensebot.teams.turn;

/** Who a Teams member is, as the member lookup reports them; either address may be missing. */
public record MemberProfile(String email, String userPrincipalName) {

    /** The address the core knows operators by: the email, else the user principal name. */
    public String address() {
        if (email != null && email.contains("@")) {
            return email;
        }
        return userPrincipalName != null && userPrincipalName.contains("@") ? userPrincipalName : null;
    }
}
