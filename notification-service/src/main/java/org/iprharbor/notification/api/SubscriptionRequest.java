package org.iprharbor.notification.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.iprharbor.kit.validation.CountryCode;

/**
 * Body of {@code POST /subscriptions}.
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) String url,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "org\\.iprharbor\\.[a-z.\\-]*(\\*|[a-z\\-]+\\.v[0-9]+)",
                message = "must be an event type such as org.iprharbor.deal.offer-accepted.v1 or a prefix such as org.iprharbor.deal.*")
                String> eventTypes,
        @Size(max = 50) List<@NotNull @CountryCode String> countries,
        @Size(max = 3) List<@NotNull @Pattern(regexp = "ASSIGNMENT|EXCLUSIVE_LICENCE|NON_EXCLUSIVE_LICENCE",
                message = "must be ASSIGNMENT, EXCLUSIVE_LICENCE or NON_EXCLUSIVE_LICENCE") String> dealTypes) {
}
