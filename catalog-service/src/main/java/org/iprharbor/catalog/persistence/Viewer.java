package org.iprharbor.catalog.persistence;

import java.util.UUID;

/** Who searches: withdrawn patents and closed needs are their owner's alone, or an operator's. */
public record Viewer(UUID partnerId, boolean operator) {
}
