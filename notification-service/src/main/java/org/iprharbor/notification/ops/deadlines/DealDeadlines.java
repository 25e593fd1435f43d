package org.iprharbor.notification.ops.deadlines;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.kit.persistence.SqlValues;
import org.iprharbor.kit.problem.ProblemException;

/**
 * The "due and overdue" read model: each deal's owed deadlines as its newest event listed them (a redelivered or late
 * event changes nothing), read back across deals by due date.
 */
@ApplicationScoped
public class DealDeadlines {

    /** The deadline kinds deal-service publishes (its Deadline.kind enum; DealDeadlinesKindsTest keeps them equal). */
    public static final List<String> KINDS = List.of("OFFER_VALIDITY", "INTENT_REVIEW", "EXPORT_LICENCE",
            "CONTRACT_REGISTRATION", "CNIPA_RECORDAL");
    private static final int LIMIT = 500;

    private final EntityManager entityManager;
    private final ObjectMapper json;

    DealDeadlines(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Keeps {@code deadlines} (the event's payload field) as the deal's at {@code version}, unless a newer one is kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID dealId, long version, List<?> deadlines) {
        entityManager.createNativeQuery("""
                INSERT INTO deal_deadlines (deal_id, version, deadlines, updated_at) VALUES (?1, ?2, CAST(?3 AS jsonb), now())
                ON CONFLICT (deal_id) DO UPDATE SET version = EXCLUDED.version, deadlines = EXCLUDED.deadlines,
                    updated_at = EXCLUDED.updated_at
                WHERE deal_deadlines.version < EXCLUDED.version""")
                .setFlushMode(FlushModeType.COMMIT) // an insert that reads no entity: no need to flush the session first
                .setParameter(1, dealId).setParameter(2, version).setParameter(3, write(deadlines)).executeUpdate();
    }

    /**
     * Owed deadlines by due date, soonest (or most overdue) first; only those of {@code kind} unless it is null. A kind
     * that is none of {@link #KINDS} is a 400 naming them, not an empty list that reads as "nothing due".
     */
    @Transactional
    public List<DueDeadline> due(String kind) {
        if (kind != null && !KINDS.contains(kind)) {
            throw ProblemException.invalidField("kind", "is not a deadline kind; use one of " + String.join(", ", KINDS));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT d.deal_id, x.kind, x."dueAt", x.responsible, x.status, COALESCE(x.estimated, false),
                       x.status = 'OVERDUE' OR x."dueAt" < now()
                FROM deal_deadlines d
                CROSS JOIN jsonb_to_recordset(d.deadlines)
                    AS x(kind TEXT, "dueAt" TIMESTAMPTZ, responsible TEXT, status TEXT, estimated BOOLEAN)
                WHERE x.status IN ('OPEN', 'OVERDUE') AND (?1 = '' OR x.kind = ?1)
                ORDER BY x."dueAt", d.deal_id, x.kind
                LIMIT ?2""")
                .setParameter(1, kind == null ? "" : kind).setParameter(2, LIMIT).getResultList();
        return rows.stream().map(row -> new DueDeadline((UUID) row[0], (String) row[1], SqlValues.instant(row[2]),
                (String) row[3], (String) row[4], (Boolean) row[5], (Boolean) row[6])).toList();
    }

    private String write(List<?> deadlines) {
        try {
            return json.writeValueAsString(deadlines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write deadlines as JSON", e);
        }
    }

    /** One owed deadline of one deal; {@code overdue} once its due time has passed. */
    public record DueDeadline(UUID dealId, String kind, Instant dueAt, String responsible, String status,
            boolean estimated, boolean overdue) {
    }
}
