package dev.licensebot.core.access;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.util.Optional;

/**
 * What a chat adapter knows of whoever wrote, in the core's terms: the platform's workspace or
 * organization id translated into a tenant, the person as the platform vouches for them (email and
 * standing), and how to say (in the platform's words) that either is missing. The adapter only
 * reports; {@link ChatIdentity} decides.
 */
public interface ChatSender {

    /** The tenant the sender's workspace or organization is linked to, if any. */
    Optional<Tenant> linkedTenant(Tenants tenants);

    /** Asked only once the tenant is known: their email (if told) and standing in that workspace. */
    ChatPerson person();

    /** Why an unlinked workspace gets no answer, with the command that links it. */
    Refusal notLinked();

    /** Why someone whose email the platform did not tell gets no answer. */
    Refusal noEmail();
}
