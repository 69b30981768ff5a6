package dev.licensebot.core.access;

import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.util.Optional;

/**
 * Who writes in a chat, the same for every platform: the tenant the workspace is linked to and the
 * operator the person's email is granted as there (else {@link Operators}' refusal, naming who can
 * grant access). An unlinked workspace is refused, except in demo mode, where it is served from the
 * demo tenant as its advanced admin. Adapters only translate their ids into a {@link ChatSender}.
 */
public final class ChatIdentity {

    /** The resolved sender: the tenant acted in and the operator acting. */
    public record Member(Tenant tenant, Actor actor) {
    }

    private final Tenants tenants;
    private final Operators operators;
    private final Surface surface;
    private final Optional<DemoSeat> demo;

    public ChatIdentity(Tenants tenants, Operators operators, Surface surface, Optional<DemoSeat> demo) {
        this.tenants = tenants;
        this.operators = operators;
        this.surface = surface;
        this.demo = demo;
    }

    public Member resolve(ChatSender sender) {
        Optional<Tenant> linked = sender.linkedTenant(tenants);
        if (linked.isEmpty()) {
            return demo.map(this::demoMember).orElseThrow(sender::notLinked);
        }
        Tenant tenant = linked.get();
        String email = sender.email().orElseThrow(sender::noEmail);
        return new Member(tenant, operators.resolve(tenant.id(), email, surface));
    }

    private Member demoMember(DemoSeat seat) {
        Tenant tenant = tenants.require(seat.tenantId());
        return new Member(tenant, operators.resolve(tenant.id(), seat.operatorEmail(), surface));
    }
}
