package org.iprharbor.notification.ops.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.persistence.SqlValues;

/**
 * The trail of what operators did from the dashboard: who, when, what, and the result. Each entry commits on its
 * own, so a failed action is recorded too.
 */
@ApplicationScoped
public class OpsAudit {

    private final EntityManager entityManager;

    OpsAudit(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditEntry record(String actor, String action, String target, String result, String detail) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), Instant.now(), actor, action, target, result, detail);
        entityManager.createNativeQuery("""
                INSERT INTO ops_audit (id, at, actor, action, target, result, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, entry.id()).setParameter(2, entry.at()).setParameter(3, actor).setParameter(4, action)
                .setParameter(5, target).setParameter(6, result).setParameter(7, detail).executeUpdate();
        return entry;
    }

    @Transactional
    public List<AuditEntry> newest(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, at, actor, action, target, result, detail FROM ops_audit ORDER BY at DESC LIMIT ?1""")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(row -> new AuditEntry((UUID) row[0], SqlValues.instant(row[1]), (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], (String) row[6])).toList();
    }

    /** One operator action. */
    public record AuditEntry(UUID id, Instant at, String actor, String action, String target, String result, String detail) {
    }
}
