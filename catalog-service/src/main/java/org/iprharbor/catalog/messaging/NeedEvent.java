package org.iprharbor.catalog.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.Need;
import org.iprharbor.catalog.domain.NeedStatus;

/**
 * Payload of need-posted, need-updated and need-closed on {@code harbor.needs.v1}: the whole need with its version,
 * except the budget, which only its owner and operators may see (so it never leaves the catalog's API).
 */
public record NeedEvent(UUID needId, UUID ownerId, Map<String, String> titles, Map<String, String> descriptions,
        List<String> ipcClasses, Map<String, List<String>> keywords, List<String> territories, List<DealType> dealTypes,
        Instant validUntil, NeedStatus status, Instant postedAt, Instant updatedAt, long version) {

    public static NeedEvent of(Need need) {
        return new NeedEvent(need.id, need.ownerId, need.titles, need.descriptions, need.ipcClasses, need.keywords,
                need.territories, need.dealTypes, need.validUntil, need.status, need.postedAt, need.updatedAt, need.version);
    }
}
