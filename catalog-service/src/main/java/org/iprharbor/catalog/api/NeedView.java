package org.iprharbor.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.Money;
import org.iprharbor.catalog.domain.Need;
import org.iprharbor.catalog.domain.NeedStatus;
import org.iprharbor.kit.security.Caller;

/**
 * A need as the API shows it; the budget only to its owner and operators (absent for everyone else).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeedView(UUID id, UUID ownerId, Map<String, String> titles, Map<String, String> descriptions,
        List<String> ipcClasses, Map<String, List<String>> keywords, List<String> territories, List<DealType> dealTypes,
        Money budget, Instant validUntil, NeedStatus status, Instant postedAt, Instant updatedAt, long version) {

    public static NeedView of(Need need, Caller viewer) {
        return new NeedView(need.id, need.ownerId, need.titles, need.descriptions, need.ipcClasses, need.keywords,
                need.territories, need.dealTypes, viewer.mayActFor(need.ownerId) ? need.budget : null, need.validUntil,
                need.status, need.postedAt, need.updatedAt, need.version);
    }
}
