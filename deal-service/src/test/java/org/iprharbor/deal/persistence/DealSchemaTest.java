package org.iprharbor.deal.persistence;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealCommand;
import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.domain.DealTransition;
import org.iprharbor.deal.domain.DealType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations' lists of states and deal types, as PostgreSQL holds them after Flyway ran, against the enums
 * they stand for: a change to which states hold a patent or can expire, or a new state, fails here until a
 * migration follows.
 */
@QuarkusTest
class DealSchemaTest {

    /** {@code column = ANY (ARRAY['A'::text, 'B'::text])}, PostgreSQL's form of {@code column IN ('A', 'B')}. */
    private static final Pattern LIST = Pattern.compile("(\\w+) = ANY \\(ARRAY\\[([^]]*)]\\)");
    private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

    @Test
    void shouldLetTheOneExclusiveDealIndexCoverTheStatesThatHoldAPatentAndTheExclusiveTypes() {
        Map<String, Set<String>> lists = lists(indexPredicate("deal_one_exclusive_per_patent"));

        assertThat(lists.get("state")).isEqualTo(names(DealState.HOLDING_PATENT));
        assertThat(lists.get("deal_type"))
                .isEqualTo(names(Arrays.stream(DealType.values()).filter(DealType::isExclusive).toList()));
    }

    @Test
    void shouldLetTheExpiryIndexCoverTheStatesADealCanExpireFrom() {
        // the same states DealExpiry's query lists, so that query can use this index
        assertThat(lists(indexPredicate("deal_open_until")).get("state"))
                .isEqualTo(names(DealTransition.statesAllowing(DealCommand.EXPIRE)));
    }

    /** There is no such CHECK today; one added by a later migration must list every state. */
    @Test
    void shouldListEveryStateInAnyCheckOnAStateColumn() {
        List<String> checks = QuarkusTransaction.requiringNew().call(() -> Deal.getEntityManager().createNativeQuery("""
                SELECT pg_get_constraintdef(oid) FROM pg_constraint
                WHERE contype = 'c' AND conrelid IN ('deal'::regclass, 'deal_history'::regclass)""", String.class)
                .getResultList());

        assertThat(checks).as("CHECK constraints on deal and deal_history").isNotEmpty();
        checks.forEach(check -> lists(check).forEach((column, values) -> {
            if (column.endsWith("state")) {
                assertThat(values).as(check).isEqualTo(names(List.of(DealState.values())));
            }
        }));
    }

    private static String indexPredicate(String index) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Deal.getEntityManager().createNativeQuery("""
                SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE c.relname = ?1""").setParameter(1, index).getSingleResult());
    }

    /** Column → the values an {@code IN} list in {@code sql} allows it. */
    private static Map<String, Set<String>> lists(String sql) {
        Map<String, Set<String>> lists = new HashMap<>();
        Matcher list = LIST.matcher(sql);
        while (list.find()) {
            lists.put(list.group(1), LITERAL.matcher(list.group(2)).results().map(literal -> literal.group(1))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return lists;
    }

    private static Set<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
