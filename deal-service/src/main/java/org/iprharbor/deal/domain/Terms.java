package org.iprharbor.deal.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One version of what the parties propose: price, royalty, territory (ISO 3166 codes), term and field of use.
 *
 * @param termYears required for licences; an assignment may omit it
 */
public record Terms(Price price, BigDecimal royaltyPercent, List<String> territory, Integer termYears,
        String fieldOfUse) {

    public Terms {
        territory = territory == null ? List.of() : List.copyOf(territory);
    }
}
