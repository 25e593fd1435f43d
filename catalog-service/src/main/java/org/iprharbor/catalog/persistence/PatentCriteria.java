package org.iprharbor.catalog.persistence;

import java.math.BigDecimal;
import java.util.UUID;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.ExportClass;
import org.iprharbor.catalog.domain.PatentStatus;

/**
 * What a patent search asks for; null means "any". {@code status} null means what is on the market
 * (AVAILABLE and RESERVED); withdrawn listings are only ever found by their owner or an operator.
 *
 * @param ipcPrefix normalised IPC prefix (H, H01, H01M, H01M 10 or H01M 10/0525)
 * @param coverage  a country where the patent is in force (its jurisdiction or family coverage)
 */
public record PatentCriteria(SearchText text, String ipcPrefix, String jurisdiction, String coverage, PatentStatus status,
        DealType dealType, ExportClass exportClass, UUID owner, BigDecimal maxPrice, String currency) {

    public boolean hasText() {
        return text.present();
    }
}
