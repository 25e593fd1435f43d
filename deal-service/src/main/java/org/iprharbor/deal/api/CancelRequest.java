package org.iprharbor.deal.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code /cancel}: calling off an agreed deal needs a reason.
 */
public record CancelRequest(@NotBlank @Size(max = 2000) String reason) {
}
