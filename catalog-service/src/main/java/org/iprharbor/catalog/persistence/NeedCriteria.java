package org.iprharbor.catalog.persistence;

import java.util.UUID;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.NeedStatus;

/**
 * What a need search asks for; null means "any". {@code status} null means open needs; closed ones are only ever
 * found by their owner or an operator.
 *
 * @param ipcPrefix normalised IPC prefix (H, H01, H01M, H01M 10 or H01M 10/0525)
 * @param country   a territory where the technology would be used
 */
public record NeedCriteria(SearchText text, String ipcPrefix, String country, DealType dealType, NeedStatus status,
        UUID owner) {

    public boolean hasText() {
        return text.present();
    }
}
