package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.users.UserLicenses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** User licenses: allocate when the platform enables a user, release when it disables them. */
final class UsersApi {

    private final UserLicenses users;
    private final ObjectMapper json;

    UsersApi(UserLicenses users, ObjectMapper json) {
        this.users = users;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/users", this::allocate);
        routes.post("/api/v1/users/{id}/deactivate", this::deactivate);
    }

    /** 201 when a license was taken, 200 when the user already held one (details refreshed). */
    private void allocate(Context ctx) {
        UserRequest request = ApiJson.read(ctx, json, UserRequest.class);
        UserLicenses.Allocated allocated = users.allocate(ApiAuth.tenant(ctx), request.toReport());
        ctx.status(allocated.created() ? 201 : 200).json(UserJson.of(allocated.user()));
    }

    /** Idempotent; the body, if any, is not needed. */
    private void deactivate(Context ctx) {
        ctx.json(UserJson.of(users.deactivate(ApiAuth.tenant(ctx), ctx.pathParam("id"))));
    }
}
