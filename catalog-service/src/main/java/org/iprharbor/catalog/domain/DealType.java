package org.iprharbor.catalog.domain;

/** What a buyer may acquire. */
public enum DealType {
    ASSIGNMENT, EXCLUSIVE_LICENCE, NON_EXCLUSIVE_LICENCE
}
