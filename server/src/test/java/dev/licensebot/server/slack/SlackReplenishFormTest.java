package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.blocks.ReplenishForm;
import dev.licensebot.slack.testing.BlockKit;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SlackPayloads;
import dev.licensebot.slack.testing.Texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The usage answer's Replenish button: a form, then the same confirmation as the typed command. */
class SlackReplenishFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The usage answer and the form its Replenish button opened, as views.open received it. */
    private record OpenedForm(SlackFixture.Answer usage, JsonNode view) {
    }

    private static OpenedForm openForm(SlackFixture f, SlackFixture.Person admin) {
        SlackFixture.Answer usage = f.command(admin, "usage");
        int opened = f.slack.calls("/api/views.open").size();
        HttpResponse<String> ack = f.client.interaction(SlackPayloads.press(f.team, admin.userId(), usage.message(),
                ActionIds.REPLENISH_OPEN, usage.responseUrl(), null));
        assertEquals(200, ack.statusCode());
        FakeSlack.Call call = f.slack.await("/api/views.open", opened + 1).get(opened);
        assertEquals("1.2.3", call.form().get("trigger_id"), "opened for the press's trigger_id");
        JsonNode view = call.formJson("view");
        BlockKit.assertValidModal(view);
        return new OpenedForm(usage, view);
    }

    private static HttpResponse<String> submit(SlackFixture f, SlackFixture.Person who, JsonNode view, String amount,
                                               String pool, String reason) {
        ObjectNode values = JSON.createObjectNode();
        values.putObject(ReplenishForm.AMOUNT_BLOCK).putObject(ReplenishForm.AMOUNT_ACTION)
                .put("type", "number_input").put("value", amount);
        ObjectNode select = values.putObject(ReplenishForm.POOL_BLOCK).putObject(ReplenishForm.POOL_ACTION)
                .put("type", "static_select");
        for (JsonNode option : SlackPayloads.element(view, ReplenishForm.POOL_ACTION).path("options")) {
            if (option.path("value").asText().equals(pool)) {
                select.set("selected_option", option);
            }
        }
        values.putObject(ReplenishForm.REASON_BLOCK).putObject(ReplenishForm.REASON_ACTION)
                .put("type", "plain_text_input").put("value", reason);
        HttpResponse<String> response = f.client.interaction(SlackPayloads.viewSubmission(f.team, who.userId(), view,
                values));
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @OnBothDatabases
    void theReplenishButtonOpensTheFormForAnAdvancedAdmin(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            OpenedForm form = openForm(f, f.person(Role.ADVANCED_ADMIN));

            JsonNode view = form.view();
            assertEquals(ReplenishForm.CALLBACK_ID, view.path("callback_id").asText());
            assertEquals(form.usage().responseUrl(), view.path("private_metadata").asText(),
                    "the confirmation will appear under the usage answer");
            assertEquals("number_input", SlackPayloads.element(view, ReplenishForm.AMOUNT_ACTION).path("type").asText());
            List<String> pools = SlackPayloads.element(view, ReplenishForm.POOL_ACTION).path("options")
                    .findValuesAsText("value");
            assertEquals(List.of("session", "user"), pools);
            assertTrue(view.path("blocks").get(2).path("optional").asBoolean(), "the reason is optional");
        }
    }

    @OnBothDatabases
    void submittingPlusFiveSessionsAsksToConfirmAndConfirmShowsTheNewTotal(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ADVANCED_ADMIN);
            OpenedForm form = openForm(f, admin);

            HttpResponse<String> closed = submit(f, admin, form.view(), "+5", "session", "PO 4711");

            assertTrue(closed.body().isEmpty(), "an empty ack closes the form: " + closed.body());
            SlackFixture.Answer plan = f.awaitNext(form.usage().responseUrl(), 1);
            assertTrue(plan.text().contains("Add 5 session licenses (20 → 25). Reason: PO 4711."), plan.text());
            assertEquals(20, f.t.core().tenants().total(f.tenant.id(), Pool.SESSION), "nothing before Confirm");

            SlackFixture.Answer done = f.press(admin, plan, ActionIds.REPLENISH_CONFIRM);

            assertTrue(done.text().contains("Added 5 session licenses; the total is now 25. By " + admin.actor().name()),
                    done.text());
            assertEquals(25, f.t.core().tenants().total(f.tenant.id(), Pool.SESSION));
        }
    }

    @OnBothDatabases
    void aZeroHugeOrNonNumericAmountIsAnsweredUnderTheAmountAndChangesNothing(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ADVANCED_ADMIN);
            OpenedForm form = openForm(f, admin);
            String usageUrl = FakeSlack.pathOf(form.usage().responseUrl());

            for (String amount : List.of("0", "2000000", "ten")) {
                JsonNode answer = json(submit(f, admin, form.view(), amount, "session", null).body());

                assertEquals("errors", answer.path("response_action").asText(), amount);
                String error = answer.path("errors").path(ReplenishForm.AMOUNT_BLOCK).asText();
                assertTrue(error.contains("non-zero change") || error.contains("at most 1000000")
                        || error.contains("not a whole number"), amount + ": " + error);
            }

            assertEquals(20, f.t.core().tenants().total(f.tenant.id(), Pool.SESSION));
            assertEquals(1, f.slack.calls(usageUrl).size(), "no confirmation was posted");
        }
    }

    @OnBothDatabases
    void removingMoreThanThePoolHoldsIsAnsweredUnderTheAmount(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ADVANCED_ADMIN);
            OpenedForm form = openForm(f, admin);

            JsonNode answer = json(submit(f, admin, form.view(), "-30", "session", null).body());

            assertEquals("The session pool has only 20 licenses; you cannot remove 30.",
                    answer.path("errors").path(ReplenishForm.AMOUNT_BLOCK).asText());
        }
    }

    @OnBothDatabases
    void anAccountAdminsSubmissionIsRefusedInPlaceOfTheForm(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            OpenedForm form = openForm(f, f.person(Role.ADVANCED_ADMIN));
            SlackFixture.Person accountAdmin = f.person(Role.ACCOUNT_ADMIN);

            JsonNode answer = json(submit(f, accountAdmin, form.view(), "5", "session", null).body());

            assertEquals("update", answer.path("response_action").asText());
            BlockKit.assertValidModal(answer.path("view"));
            assertTrue(Texts.of(answer.path("view")).contains("Only an advanced admin or higher can replenish licenses"),
                    answer.toString());
            assertEquals(20, f.t.core().tenants().total(f.tenant.id(), Pool.SESSION));
        }
    }

    @OnBothDatabases
    void anAccountAdminPressingReplenishGetsARefusalAndNoForm(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Answer usage = f.command(f.person(Role.ADVANCED_ADMIN), "usage");
            SlackFixture.Person accountAdmin = f.person(Role.ACCOUNT_ADMIN);

            SlackFixture.Answer refused = f.press(accountAdmin, usage, ActionIds.REPLENISH_OPEN);

            assertTrue(refused.text().contains("Only an advanced admin or higher can replenish licenses"),
                    refused.text());
            assertTrue(f.slack.calls("/api/views.open").isEmpty());
        }
    }

    @OnBothDatabases
    void aConfirmAfterTheAdminLostTheRoleIsRefused(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ADVANCED_ADMIN);
            OpenedForm form = openForm(f, admin);
            submit(f, admin, form.view(), "5", "user", null);
            SlackFixture.Answer plan = f.awaitNext(form.usage().responseUrl(), 1);
            f.t.core().operators().grant(Actor.cli(f.tenant.id()), admin.actor().name(), Role.ACCOUNT_ADMIN);

            SlackFixture.Answer refused = f.press(admin, plan, ActionIds.REPLENISH_CONFIRM);

            assertTrue(refused.text().contains("Only an advanced admin or higher can replenish licenses"),
                    refused.text());
            assertEquals(50, f.t.core().tenants().total(f.tenant.id(), Pool.USER));
        }
    }
}
