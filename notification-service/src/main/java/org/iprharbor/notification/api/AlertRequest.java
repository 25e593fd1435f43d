package org.iprharbor.notification.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.iprharbor.kit.validation.CountryCode;

/**
 * Body of {@code POST /alerts}: what newly listed patents to hear about (at least one criterion).
 */
public record AlertRequest(
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-H]([0-9]{2}([A-Z]( ?[0-9]{1,4}(/[0-9]{2,6})?)?)?)?",
                message = "must be an IPC prefix such as H01M or H01M 10/0525") String> ipcPrefixes,
        @Size(max = 50) List<@NotNull @CountryCode String> jurisdictions,
        @Size(max = 3) List<@NotNull @Pattern(regexp = "ASSIGNMENT|EXCLUSIVE_LICENCE|NON_EXCLUSIVE_LICENCE",
                message = "must be ASSIGNMENT, EXCLUSIVE_LICENCE or NON_EXCLUSIVE_LICENCE") String> dealTypes,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> keywords) {

    boolean empty() {
        return isEmpty(ipcPrefixes) && isEmpty(jurisdictions) && isEmpty(dealTypes) && isEmpty(keywords);
    }

    private static boolean isEmpty(List<String> values) {
        return values == null || values.isEmpty();
    }
}
