package org.iprharbor.notification.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import org.iprharbor.kit.retention.Retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * notification-service's retention against its real database with the shipped max-ages (event log 90 days; finished
 * deliveries, told match notices and the match funnel 30; inbox items a year): rows older than those go, younger
 * ones stay, and so does whatever a guarantee still needs (an event owed to a party whose contact data has not
 * arrived, a delivery still waiting, a match notice not yet told).
 */
@QuarkusTest
class NotificationRetentionTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldPurgeEventsAfterNinetyDaysButKeepOnesStillOwedToAParty() {
        UUID old = event("91 days");
        UUID young = event("89 days");
        UUID owed = event("120 days");
        sql("INSERT INTO awaiting_contact (partner_id, event_id, side) VALUES (gen_random_uuid(), ?1, 'BUYER')", owed);

        retention.run();

        assertThat(ids("SELECT event_id FROM event_log WHERE event_id IN (?1, ?2, ?3)", old, young, owed))
                .containsExactlyInAnyOrder(young, owed);
    }

    @Test
    void shouldPurgeFinishedDeliveriesWithTheirAttemptsAndKeepWaitingOnes() {
        UUID delivered = delivery("EMAIL", UUID.randomUUID(), "DELIVERED", "31 days");
        UUID dead = delivery("EMAIL", UUID.randomUUID(), "DEAD", "31 days");
        UUID recent = delivery("EMAIL", UUID.randomUUID(), "DELIVERED", "29 days");
        // an endpoint disabled for weeks: its delivery waits, however old, for the owner to enable it again
        UUID endpoint = UUID.randomUUID();
        sql("""
                INSERT INTO webhook_subscription (id, owner_id, url, event_types, countries, deal_types, secret, enabled,
                                                  disabled_reason, consecutive_failures, created_at, version)
                VALUES (?1, gen_random_uuid(), 'https://example.org/hook', '["*"]', '[]', '[]', 'whsec_x', false, 'gone',
                        15, now() - interval '60 days', 0)""", endpoint);
        UUID waiting = delivery("WEBHOOK", endpoint, "RETRYING", "40 days");
        for (UUID delivery : List.of(delivered, dead, recent, waiting)) {
            sql("INSERT INTO delivery_attempt (id, delivery_id, at, status_code, latency_ms) VALUES (gen_random_uuid(), ?1, now(), 500, 3)",
                    delivery);
        }

        retention.run();

        List<UUID> all = List.of(delivered, dead, recent, waiting);
        assertThat(ids("SELECT id FROM delivery WHERE id IN (?1, ?2, ?3, ?4)", all.toArray())).containsExactlyInAnyOrder(recent, waiting);
        assertThat(ids("SELECT delivery_id FROM delivery_attempt WHERE delivery_id IN (?1, ?2, ?3, ?4)", all.toArray()))
                .containsExactlyInAnyOrder(recent, waiting);
    }

    @Test
    void shouldPurgeInboxItemsAfterAYear() {
        UUID partner = UUID.randomUUID();
        UUID old = inboxItem(partner, "366 days");
        UUID young = inboxItem(partner, "364 days");

        retention.run();

        assertThat(ids("SELECT id FROM inbox_item WHERE partner_id = ?1", partner)).containsExactly(young).doesNotContain(old);
    }

    @Test
    void shouldPurgeToldMatchNoticesAndOldMatchesAndKeepNoticesNotYetTold() {
        UUID told = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        UUID recentlyTold = UUID.randomUUID();
        notice(told, "now() - interval '31 days'");
        notice(pending, "NULL");
        notice(recentlyTold, "now() - interval '29 days'");
        sql("INSERT INTO match_found (match_id, found_at) VALUES (?1, now() - interval '31 days'), (?2, now() - interval '29 days')",
                told, recentlyTold);

        retention.run();

        assertThat(ids("SELECT match_id FROM match_notice WHERE match_id IN (?1, ?2, ?3)", told, pending, recentlyTold))
                .containsExactlyInAnyOrder(pending, recentlyTold);
        assertThat(ids("SELECT match_id FROM match_found WHERE match_id IN (?1, ?2)", told, recentlyTold)).containsExactly(recentlyTold);
    }

    private UUID event(String age) {
        UUID id = UUID.randomUUID();
        sql(("INSERT INTO event_log (event_id, topic, event_type, subject, occurred_at, cloud_event) VALUES (?1, 'harbor.deals.v1',"
                + " 'org.iprharbor.deal.deal-opened.v1', CAST(?1 AS text), now() - interval '%s', '{}')").formatted(age), id);
        return id;
    }

    private UUID delivery(String channel, UUID target, String status, String sinceLastAttempt) {
        UUID id = UUID.randomUUID();
        sql(("""
                INSERT INTO delivery (id, channel, target_id, event_id, event_type, address, body, status, attempts,
                                      next_attempt_at, created_at)
                VALUES (?1, ?2, ?3, gen_random_uuid(), 'org.iprharbor.deal.deal-opened.v1', 'someone@example.org', 'text',
                        ?4, 1, now() - interval '%1$s', now() - interval '%1$s')""").formatted(sinceLastAttempt),
                id, channel, target, status);
        return id;
    }

    private UUID inboxItem(UUID partner, String age) {
        UUID id = UUID.randomUUID();
        sql(("""
                INSERT INTO inbox_item (id, partner_id, event_id, event_type, subject_id, language, title, body, created_at)
                VALUES (?1, ?2, gen_random_uuid(), 'org.iprharbor.deal.deal-opened.v1', 'deal', 'en', 'title', 'body',
                        now() - interval '%s')""").formatted(age), id, partner);
        return id;
    }

    private void notice(UUID matchId, String sentAt) {
        sql(("""
                INSERT INTO match_notice (match_id, party, partner_id, event_id, match, noticed_at, sent_at)
                VALUES (?1, 'NEED_OWNER', gen_random_uuid(), gen_random_uuid(), '{}', now() - interval '40 days', %s)""")
                .formatted(sentAt), matchId);
    }

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> bind(entityManager.createNativeQuery(statement), parameters).executeUpdate());
    }

    private List<UUID> ids(String query, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (Object id : bind(entityManager.createNativeQuery(query), parameters).getResultList()) {
                ids.add((UUID) id);
            }
            return ids;
        });
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
