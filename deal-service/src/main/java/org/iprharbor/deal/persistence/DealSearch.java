package org.iprharbor.deal.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealState;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Keyset pagination over deals, newest first: stable while deals are opened, and as fast on page 1000 as on page 1.
 */
@ApplicationScoped
public class DealSearch {

    /** What to list; {@code partnerId} null means every deal (operators). */
    public record Filter(UUID partnerId, String role, DealState state, UUID patentId) {
    }

    /** One page plus the cursor of the next, null on the last page. */
    public record Slice(List<Deal> deals, DealCursor next) {
    }

    public Slice page(Filter filter, DealCursor after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.partnerId() != null) {
            parameters.put("partner", filter.partnerId());
            where.append(switch (filter.role() == null ? "" : filter.role()) {
                case "buyer" -> " and buyerId = :partner";
                case "seller" -> " and sellerId = :partner";
                default -> " and (buyerId = :partner or sellerId = :partner)";
            });
        }
        if (filter.state() != null) {
            where.append(" and state = :state");
            parameters.put("state", filter.state());
        }
        if (filter.patentId() != null) {
            where.append(" and patentId = :patent");
            parameters.put("patent", filter.patentId());
        }
        if (after != null) {
            where.append(" and (openedAt < :at or (openedAt = :at and id < :id))");
            parameters.put("at", after.openedAt());
            parameters.put("id", after.id());
        }
        Sort order = Sort.by("openedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
        List<Deal> found = Deal.<Deal>find(where.toString(), order, parameters).page(Page.ofSize(limit + 1)).list();
        if (found.size() <= limit) {
            return new Slice(found, null);
        }
        Deal last = found.get(limit - 1);
        return new Slice(found.subList(0, limit), new DealCursor(last.openedAt(), last.id()));
    }
}
