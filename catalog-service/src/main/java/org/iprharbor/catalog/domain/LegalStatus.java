package org.iprharbor.catalog.domain;

/** Where the patent stands at its office. */
public enum LegalStatus {
    PENDING, GRANTED, LAPSED
}
