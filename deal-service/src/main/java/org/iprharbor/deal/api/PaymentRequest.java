package org.iprharbor.deal.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code /payment}: the settlement's reference at the bank or clearing house.
 */
public record PaymentRequest(@NotBlank @Size(max = 200) String settlementReference) {
}
