package org.iprharbor.catalog.api;

import java.util.List;

/**
 * One page of a need search; pass {@code nextCursor} back as {@code cursor} for the next (null on the last page).
 */
public record NeedPage(List<NeedView> items, String nextCursor, int limit) {
}
