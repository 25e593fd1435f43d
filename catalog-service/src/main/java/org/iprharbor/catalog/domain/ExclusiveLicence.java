package org.iprharbor.catalog.domain;

import java.util.List;
import java.util.UUID;

/**
 * An exclusive licence granted through a completed deal: no other exclusive deal may cover these territories.
 */
public record ExclusiveLicence(UUID dealId, UUID licenseeId, List<String> territory) {
}
