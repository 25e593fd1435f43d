package org.iprharbor.deal.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code /registration}: the certificate of the online registration of a freely exportable technology's
 * contract with the commerce authority.
 */
public record RegistrationRequest(
        @Schema(description = "The technology export contract registration certificate's number", example = "2026620000000417")
        @NotBlank @Size(max = 200) String certificateNumber) {
}
