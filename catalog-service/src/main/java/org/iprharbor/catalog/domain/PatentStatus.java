package org.iprharbor.catalog.domain;

/** Where the listing stands in the catalog. */
public enum PatentStatus {
    AVAILABLE, RESERVED, TRANSFERRED, WITHDRAWN, EXPIRED
}
