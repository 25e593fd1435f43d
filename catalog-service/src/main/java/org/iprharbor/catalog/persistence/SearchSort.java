package org.iprharbor.catalog.persistence;

/** Orders of a patent search: best match first, or newest listing first. */
public enum PatentSort {
    RELEVANCE, NEWEST
}
