package org.iprharbor.catalog.api;

import java.util.List;

/**
 * One page of a patent search; pass {@code nextCursor} back as {@code cursor} for the next (null on the last page).
 */
public record PatentPage(List<PatentView> items, String nextCursor, int limit) {
}
