package org.iprharbor.catalog.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An amount in an ISO 4217 currency.
 */
@Embeddable
public record Money(@Column(name = "amount") BigDecimal amount, @Column(name = "currency") String currency) {
}
