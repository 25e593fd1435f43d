package org.iprharbor.notification.matches;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.iprharbor.notification.config.NotificationConfig;

import io.quarkus.logging.Log;

/**
 * The notices of matches waiting to be told, one per match and party: written in the transaction that consumes the
 * match (above the threshold only), claimed per party by the digest job and marked sent in the transaction that
 * writes the message, so a crash anywhere either leaves them pending or leaves them told, never both.
 */
@ApplicationScoped
class MatchNotices {

    /** A pending notice as the digest job reads it. */
    record Pending(UUID matchId, Party party, String match) {
    }

    private final EntityManager entityManager;
    private final NotificationConfig config;

    MatchNotices(EntityManager entityManager, NotificationConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * Notes the match for both parties, unless its score is below the threshold or it was noted before (a
     * redelivery, or the catalog announcing the same match again under a new event id).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void note(UUID eventId, MatchFound match, String payload) {
        if (match.score() < config.matches().minScore()) {
            Log.infof("matchId=%s scores %d, below %d: nobody told", match.matchId(), match.score(),
                    config.matches().minScore());
            return;
        }
        for (Party party : Party.values()) {
            entityManager.createNativeQuery("""
                    INSERT INTO match_notice (match_id, party, partner_id, event_id, match)
                    VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (match_id, party) DO NOTHING""")
                    .setParameter(1, match.matchId()).setParameter(2, party.name())
                    .setParameter(3, party.partnerOf(match)).setParameter(4, eventId).setParameter(5, payload)
                    .executeUpdate();
        }
    }

    /**
     * Partners with a pending notice older than the digest window and contact data to write to. A partner whose
     * contact data has not arrived keeps their notices pending, and is due on the first look after it arrives.
     */
    @Transactional
    List<UUID> dueParties() {
        Duration window = config.matches().digestWindow();
        List<?> due = entityManager.createNativeQuery("""
                SELECT n.partner_id FROM match_notice n
                WHERE n.sent_at IS NULL AND EXISTS (SELECT 1 FROM partner_contact c WHERE c.id = n.partner_id)
                GROUP BY n.partner_id
                HAVING min(n.noticed_at) <= now() - make_interval(secs => ?1)
                ORDER BY min(n.noticed_at) LIMIT ?2""")
                .setParameter(1, window.toMillis() / 1000.0).setParameter(2, config.matches().partiesPerPoll())
                .getResultList();
        return due.stream().map(UUID.class::cast).toList();
    }

    /**
     * Locks the partner's pending notices, oldest first. Rows another instance holds are skipped, so two instances
     * never tell the same notice; whatever one of them misses stays pending for the next look.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Pending> claim(UUID partnerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT match_id, party, match FROM match_notice
                WHERE partner_id = ?1 AND sent_at IS NULL
                ORDER BY noticed_at, match_id FOR UPDATE SKIP LOCKED""")
                .setParameter(1, partnerId).getResultList();
        return rows.stream().map(row -> new Pending((UUID) row[0], Party.valueOf((String) row[1]), (String) row[2])).toList();
    }

    /** Marks the claimed notices told by the message, in the transaction that wrote it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void sent(UUID partnerId, List<Pending> notices, UUID messageId) {
        for (Pending notice : notices) {
            entityManager.createNativeQuery("""
                    UPDATE match_notice SET sent_at = now(), message_id = ?3
                    WHERE match_id = ?1 AND party = ?2 AND partner_id = ?4 AND sent_at IS NULL""")
                    .setParameter(1, notice.matchId()).setParameter(2, notice.party().name()).setParameter(3, messageId)
                    .setParameter(4, partnerId).executeUpdate();
        }
    }
}
