package dev.licensebot.server.api;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.audit.AuditTrail;
import dev.licensebot.core.digest.Digests;
import dev.licensebot.core.history.Histories;
import dev.licensebot.core.history.HistoryQuery;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.UsageSummary;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.function.Function;

/**
 * The read side the bots use: usage figures, the three histories and the audit log, as JSON or
 * CSV, and the weekly digest as JSON.
 */
final class ReadApi {

    private final UsageReport usage;
    private final Histories histories;
    private final AuditTrail audit;
    private final Digests digests;
    private final Csv csv;

    ReadApi(UsageReport usage, Histories histories, AuditTrail audit, Digests digests, Csv csv) {
        this.usage = usage;
        this.histories = histories;
        this.audit = audit;
        this.digests = digests;
        this.csv = csv;
    }

    /** Each history its own route, so an unknown one is simply a 404 like any other path. */
    void register(RoutesConfig routes) {
        routes.get("/api/v1/usage", this::usage);
        routes.get("/api/v1/history/users", ctx -> history(ctx, (t, q) -> histories.users(t, api(t), q),
                UserJson.class, UserJson::of, UserJson::of));
        routes.get("/api/v1/history/sessions", ctx -> history(ctx, (t, q) -> histories.sessions(t, api(t), q),
                SessionCsvRow.class, SessionJson::of, SessionCsvRow::of));
        routes.get("/api/v1/history/purchases", ctx -> history(ctx, (t, q) -> histories.purchases(t, api(t), q),
                PurchaseJson.class, PurchaseJson::of, PurchaseJson::of));
        // Paged like a history; the API key acts as the tenant's own system, like the reads above.
        routes.get("/api/v1/audit", ctx -> history(ctx, (t, q) -> audit.read(t, api(t), q),
                AuditJson.class, AuditJson::of, AuditJson::of));
        routes.get("/api/v1/digest", ctx -> {
            Tenant tenant = ApiAuth.tenant(ctx);
            ctx.json(DigestJson.of(digests.weekly(tenant, api(tenant))));
        });
    }

    private void usage(Context ctx) {
        Tenant tenant = ApiAuth.tenant(ctx);
        UsageSummary summary = usage.summary(tenant, api(tenant));
        UsageJson body = UsageJson.of(summary);
        if (Csv.wanted(ctx)) {
            csv.write(ctx, PoolUsageJson.Row.class, List.of(body.session().row(), body.user().row()));
            return;
        }
        ctx.json(body);
    }

    private <T, J, R> void history(Context ctx, Reader<T> reader, Class<R> rowType, Function<T, J> toJson,
                                   Function<T, R> toRow) {
        Tenant tenant = ApiAuth.tenant(ctx);
        HistoryQuery query = new HistoryQuery(ApiInput.date(ctx, "since"), ApiInput.page(ctx));
        HistoryView<T> view = reader.read(tenant, query);
        Page<T> rows = view.rows();
        if (Csv.wanted(ctx)) {
            csv.write(ctx, rowType, rows.map(toRow));
            return;
        }
        ctx.json(ListJson.of(rows.map(toJson)).since(view.since()));
    }

    private static Actor api(Tenant tenant) {
        return Actor.api(tenant.id());
    }

    @FunctionalInterface
    private interface Reader<T> {
        HistoryView<T> read(Tenant tenant, HistoryQuery query);
    }
}
