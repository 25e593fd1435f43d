package org.iprharbor.kit.retention;

/**
 * A table whose rows {@link Retention} deletes once they are older than the table's
 * {@code harbor.retention.<table>.max-age}: the statement that deletes one batch of them. Each service declares its
 * tables as beans of this type ({@link KitPurgeRules} declares the outbox and the inbox for all of them).
 *
 * @param table       the table, and the name its settings go by
 * @param deleteBatch a DELETE of at most {@code ?2} rows older than {@code ?1} seconds (by the database's clock, which
 *                    stamped them). It takes only rows no other transaction holds ({@code FOR UPDATE SKIP LOCKED}), so a
 *                    purge never waits on the application's locks and two instances purging at once share the rows
 */
public record PurgeRule(String table, String deleteBatch) {

    /**
     * Rows of {@code table} whose {@code ageColumn} is older than the max-age and that meet {@code condition}, oldest
     * first, found by {@code key} (the primary key's columns). {@code ageColumn} needs an index whose order the
     * batch can follow; without one each batch would read the whole table.
     */
    public static PurgeRule byAge(String table, String key, String ageColumn, String condition) {
        return new PurgeRule(table, """
                DELETE FROM %1$s WHERE (%2$s) IN (
                    SELECT %2$s FROM %1$s
                    WHERE %3$s < now() - make_interval(secs => ?1) AND (%4$s)
                    ORDER BY %3$s LIMIT ?2 FOR UPDATE SKIP LOCKED)""".formatted(table, key, ageColumn, condition));
    }
}
