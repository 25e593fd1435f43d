package org.iprharbor.notification.routing;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.iprharbor.notification.domain.PartnerContact;

/**
 * Deal events parked for a party whose contact data has not arrived yet, until it does. Parking and releasing
 * take the same per-partner lock, so a contact that commits while an event is being parked is either seen by the
 * parking transaction or finds the parked event when it releases; neither can miss the other.
 */
@ApplicationScoped
class AwaitingContact {

    /** A parked event: the side its party is on, and the event as the event log keeps it. */
    record Parked(String side, String cloudEvent) {
    }

    private final EntityManager entityManager;

    AwaitingContact(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Parks the event (recorded in the event log) for the partner, unless their contact data arrived meanwhile.
     *
     * @return the partner's contact if it arrived meanwhile, null if the event was parked
     */
    @Transactional(Transactional.TxType.MANDATORY)
    PartnerContact parkUnlessArrived(UUID partnerId, UUID eventId, String side) {
        lock(partnerId);
        PartnerContact arrived = PartnerContact.findById(partnerId);
        if (arrived == null) {
            entityManager.createNativeQuery("""
                    INSERT INTO awaiting_contact (partner_id, event_id, side) VALUES (?1, ?2, ?3)
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, partnerId).setParameter(2, eventId).setParameter(3, side).executeUpdate();
        }
        return arrived;
    }

    /** Takes the partner's parked events off the shelf, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Parked> release(UUID partnerId) {
        lock(partnerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                WITH released AS (
                    DELETE FROM awaiting_contact a USING event_log e
                    WHERE a.partner_id = ?1 AND e.event_id = a.event_id
                    RETURNING a.side, e.cloud_event, e.occurred_at, a.parked_at)
                SELECT side, cloud_event FROM released ORDER BY occurred_at, parked_at""")
                .setParameter(1, partnerId).getResultList();
        return rows.stream().map(row -> new Parked((String) row[0], (String) row[1])).toList();
    }

    private void lock(UUID partnerId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, partnerId.getMostSignificantBits() ^ partnerId.getLeastSignificantBits())
                .getSingleResult();
    }
}
