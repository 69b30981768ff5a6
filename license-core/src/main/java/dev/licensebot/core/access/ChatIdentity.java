package dev.licensebot.core.access;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.util.Locale;
import java.util.Optional;

/**
 * Who writes in a chat, the same for every platform: the tenant the workspace is linked to and the
 * operator the person's email is granted as there (else {@link Operators}' refusal, naming who can
 * grant access). An unlinked workspace is refused, except in demo mode, where it is served from the
 * demo tenant as its advanced admin. In a linked workspace only a full member, as the platform
 * vouches ({@link Standing}), is looked up by email: deleted users, bots, guests, people of other
 * workspaces and unconfirmed emails are refused, and the refusal audited for the tenant. Adapters
 * only translate what their platform says into a {@link ChatSender}.
 */
public final class ChatIdentity {

    private final Tenants tenants;
    private final Operators operators;
    private final Surface surface;
    private final Optional<DemoSeat> demo;
    private final AuditLog audit;

    public ChatIdentity(Tenants tenants, Operators operators, Surface surface, Optional<DemoSeat> demo,
                        AuditLog audit) {
        this.tenants = tenants;
        this.operators = operators;
        this.surface = surface;
        this.demo = demo;
        this.audit = audit;
    }

    public Caller resolve(ChatSender sender) {
        Optional<Tenant> linked = sender.linkedTenant(tenants);
        if (linked.isEmpty()) {
            return demo.map(this::demoMember).orElseThrow(sender::notLinked);
        }
        Tenant tenant = linked.get();
        ChatPerson person = sender.person();
        if (!person.standing().isMember()) {
            throw refused(tenant, person);
        }
        String email = person.email().orElseThrow(sender::noEmail);
        return new Caller(tenant, operators.resolve(tenant.id(), email, surface));
    }

    /** Audited for the tenant whose operator's email they may carry, named as the platform names them. */
    private Refusal refused(Tenant tenant, ChatPerson person) {
        audit.recordRefusedSender(tenant.id(), person.email().orElse(person.platformId()), surface,
                surface.name().toLowerCase(Locale.ROOT) + " user " + person.platformId()
                        + person.email().map(e -> " (" + e + ")").orElse(""),
                "refused: " + person.standing().code());
        return person.standing().refusal();
    }

    private Caller demoMember(DemoSeat seat) {
        Tenant tenant = tenants.require(seat.tenantId());
        return new Caller(tenant, operators.resolve(tenant.id(), seat.operatorEmail(), surface));
    }
}
