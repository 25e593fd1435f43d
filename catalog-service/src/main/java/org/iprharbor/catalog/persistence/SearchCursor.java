package org.iprharbor.catalog.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.iprharbor.kit.problem.ProblemException;

/**
 * Where the previous page ended, as an opaque token: the sort key and id of its last row. Keyset
 * pagination over (key, id) gives no duplicates or gaps while rows are added.
 */
public record SearchCursor(SearchSort sort, String key, UUID id) {

    public static SearchCursor afterNewest(Instant listedAt, UUID id) {
        return new SearchCursor(SearchSort.NEWEST, Long.toString(listedAt.getEpochSecond() * 1_000_000 + listedAt.getNano() / 1_000), id);
    }

    public static SearchCursor afterRelevance(float rank, UUID id) {
        return new SearchCursor(SearchSort.RELEVANCE, Float.toString(rank), id);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sort + "|" + key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static SearchCursor decode(String token, SearchSort expectedSort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            SearchCursor cursor = new SearchCursor(SearchSort.valueOf(parts[0]), parts[1], UUID.fromString(parts[2]));
            if (cursor.sort != expectedSort) {
                throw ProblemException.invalidField("cursor", "belongs to a search sorted by " + cursor.sort.name().toLowerCase()
                        + "; keep the same sort while paging");
            }
            if (cursor.sort == SearchSort.NEWEST) {
                Long.parseLong(cursor.key);
            } else {
                Float.parseFloat(cursor.key);
            }
            return cursor;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
        }
    }

    /** The listing time in microseconds since the epoch, as PostgreSQL stores it. */
    long micros() {
        return Long.parseLong(key);
    }

    float rank() {
        return Float.parseFloat(key);
    }
}
