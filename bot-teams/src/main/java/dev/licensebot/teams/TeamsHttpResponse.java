package dev.licensebot.teams;

/** What /api/messages answers: a status and, for invokes, a JSON body (null: none). */
public record TeamsHttpResponse(int status, String jsonBody) {

    public static TeamsHttpResponse accepted() {
        return new TeamsHttpResponse(202, null);
    }

    public static TeamsHttpResponse status(int status) {
        return new TeamsHttpResponse(status, null);
    }
}
