package org.iprharbor.catalog.persistence;

/** Orders of a search of patents or needs: best match first, or newest first. */
public enum SearchSort {
    RELEVANCE, NEWEST
}
