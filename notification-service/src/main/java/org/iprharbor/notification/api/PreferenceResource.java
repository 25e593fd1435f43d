package org.iprharbor.notification.api;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;
import org.iprharbor.notification.domain.NotificationPreference;

/**
 * The calling partner's channel preferences: email, in-app inbox, or both.
 */
@Path("/preferences")
@Tag(name = "Preferences")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    private final Caller caller;

    PreferenceResource(Caller caller) {
        this.caller = caller;
    }

    /** Body and answer of the preferences endpoints. */
    public record Preferences(@NotNull Boolean email, @NotNull Boolean inbox) {
    }

    @GET
    @Transactional
    @Operation(summary = "The channels the caller is told on")
    public Preferences get() {
        NotificationPreference preference = NotificationPreference.of(caller.id());
        return new Preferences(preference.email, preference.inbox);
    }

    @PUT
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the channels the caller is told on")
    public Preferences put(@Valid @NotNull Preferences preferences) {
        NotificationPreference preference = NotificationPreference.findById(caller.id());
        if (preference == null) {
            preference = new NotificationPreference();
            preference.partnerId = caller.id();
        }
        preference.email = preferences.email();
        preference.inbox = preferences.inbox();
        preference.updatedAt = Instant.now();
        preference.persist();
        return preferences;
    }
}
