package org.iprharbor.deal.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code /recordal}: the patent office's registration of the transfer.
 */
public record RecordalRequest(@NotBlank @Size(max = 200) String registrationNumber,
        @NotNull @PastOrPresent LocalDate recordedOn) {
}
