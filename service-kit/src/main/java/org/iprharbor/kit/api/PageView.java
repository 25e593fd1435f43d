package org.iprharbor.kit.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, with what a client needs to fetch the next one.
 */
public record PageView<T>(List<T> items, int page, int size, long total, boolean hasNext) {

    public static <E, T> PageView<T> of(List<E> entities, Function<E, T> view, int page, int size, long total) {
        return new PageView<>(entities.stream().map(view).toList(), page, size, total, (long) (page + 1) * size < total);
    }
}
