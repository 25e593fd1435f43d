package org.iprharbor.deal.api;

import java.util.List;

/**
 * One page of deals; pass {@code nextCursor} as {@code cursor} for the next page (null on the last).
 */
public record DealPage(List<DealView> items, String nextCursor) {
}
