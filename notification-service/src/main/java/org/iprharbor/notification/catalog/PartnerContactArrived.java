package org.iprharbor.notification.catalog;

import org.iprharbor.notification.domain.PartnerContact;

/**
 * A partner's contact data arrived for the first time, inside the transaction that keeps it: what waited for it
 * can be told now.
 */
public record PartnerContactArrived(PartnerContact contact) {
}
