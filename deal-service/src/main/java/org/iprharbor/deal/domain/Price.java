package org.iprharbor.deal.domain;

import java.math.BigDecimal;

/**
 * An amount in an ISO 4217 currency.
 */
public record Price(BigDecimal amount, String currency) {
}
