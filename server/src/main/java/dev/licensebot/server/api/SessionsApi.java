package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.SessionLicenses;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.tenant.Tenant;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Locale;

/** Session licenses: open (or import), heartbeat, log out, and the list of active sessions. */
final class SessionsApi {

    private final SessionLicenses sessions;
    private final ActiveSessions active;
    private final ObjectMapper json;
    private final Csv csv;

    SessionsApi(SessionLicenses sessions, ActiveSessions active, ObjectMapper json, Csv csv) {
        this.sessions = sessions;
        this.active = active;
        this.json = json;
        this.csv = csv;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/sessions", this::open);
        routes.get("/api/v1/sessions", this::list);
        routes.post("/api/v1/sessions/{id}/activity", this::activity);
        routes.delete("/api/v1/sessions/{id}", this::logout);
    }

    /** 201 for a new session, 200 when the client's sessionId is already known. */
    private void open(Context ctx) {
        SessionRequest request = ApiJson.read(ctx, json, SessionRequest.class);
        SessionLicenses.Opened opened = sessions.open(ApiAuth.tenant(ctx), request.toReport());
        ctx.status(opened.created() ? 201 : 200).json(SessionJson.of(opened.session()));
    }

    private void activity(Context ctx) {
        ActivityRequest request = ApiJson.read(ctx, json, ActivityRequest.class);
        ctx.json(SessionJson.of(sessions.reportActivity(ApiAuth.tenant(ctx), ctx.pathParam("id"),
                request.toReport())));
    }

    /** Idempotent: logging out a closed session is fine; an unknown one is 404. */
    private void logout(Context ctx) {
        sessions.logout(ApiAuth.tenant(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void list(Context ctx) {
        String status = ctx.queryParam("status");
        if (status != null && !status.isBlank() && !"active".equals(status.trim().toLowerCase(Locale.ROOT))) {
            throw ApiError.invalid("status", "Only status=active can be listed, not \""
                    + ApiInput.abbreviate(status) + "\".");
        }
        Tenant tenant = ApiAuth.tenant(ctx);
        ActiveSessions.View view = active.list(tenant, Actor.api(tenant.id()), query(ctx));
        if (Csv.wanted(ctx)) {
            csv.write(ctx, SessionCsvRow.class, view.sessions().map(SessionCsvRow::of));
            return;
        }
        ctx.json(ListJson.of(view.sessions().map(SessionJson::of))
                .sorted("active", view.sort().label(), view.order().name().toLowerCase(Locale.ROOT)));
    }

    private static ActiveSessions.Query query(Context ctx) {
        String sort = ctx.queryParam("sort");
        String order = ctx.queryParam("order");
        return new ActiveSessions.Query(
                sort == null || sort.isBlank() ? null : SessionSort.parse(sort),
                order == null || order.isBlank() ? null : SortOrder.parse(order),
                ApiInput.page(ctx));
    }
}
