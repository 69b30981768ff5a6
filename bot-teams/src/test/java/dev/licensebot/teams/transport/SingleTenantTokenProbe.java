package dev.licensebot.teams.transport;

import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.testing.TeamsActivities;

import java.util.Map;

/**
 * Run in a JVM of its own by {@link SingleTenantTokenTest}, whose hosts file sends
 * login.microsoftonline.com to a fake: one SingleTenant gateway answers one message, through the
 * SDK's own credentials. Exits 0 when the turn ran.
 * Arguments: service URL, OpenID metadata URL, app id, password, app tenant id, incoming token.
 */
public final class SingleTenantTokenProbe {

    private SingleTenantTokenProbe() {
    }

    public static void main(String[] args) {
        TeamsSettings settings = TeamsSettings.fromEnvironment(Map.of("MICROSOFT_APP_TYPE", "SingleTenant",
                "MICROSOFT_APP_ID", args[2], "MICROSOFT_APP_PASSWORD", args[3], "MICROSOFT_APP_TENANT_ID", args[4]))
                .withOpenIdMetadataUrl(args[1]);
        BotFrameworkGateway gateway = new BotFrameworkGateway(settings, turn -> turn.sendText("ok"));
        String message = new TeamsActivities(args[0], args[4])
                .message(TeamsActivities.User.random("ada@example.com"), "usage").toString();
        int status = gateway.handle(message, "Bearer " + args[5]).status();
        System.out.println("status " + status);
        System.exit(status == 200 || status == 202 ? 0 : 1);
    }
}
