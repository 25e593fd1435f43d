package org.iprharbor.deal.api;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code /reject} and {@code /withdraw}: an optional reason the other party will read.
 */
public record ReasonRequest(@Size(max = 2000) String reason) {
}
