package org.iprharbor.notification.routing;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iprharbor.notification.domain.InboxItem;
import org.iprharbor.notification.support.CatalogAndDeals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Regression (fault suite, postgres-immediate-restart): while PostgreSQL restarted, the deal consumer's transaction
 * failed with "the database system is starting up" and the dead-letter strategy parked the valid event in
 * {@code harbor.deals.v1.dlq}; the parties were never told. A trigger here refuses the event's inbox claim with
 * that SQLSTATE (57P03) until the consumer has tried twice; the event must then be applied, once. The refusal comes
 * either at the claim's INSERT or, deferred, at COMMIT: a commit that breaks off reaches the consumer wrapped as
 * RollbackException with the driver's error only suppressed, and was dead-lettered too (found by CI, 1 Dec).
 */
@QuarkusTest
class DatabaseRestartConsumerTest {

    @BeforeEach
    void prepareToRefuseChosenEventsAsARestartingDatabaseWould() {
        execute("CREATE TABLE IF NOT EXISTS test_refused_event (event_id UUID PRIMARY KEY)");
        execute("CREATE SEQUENCE IF NOT EXISTS test_refusals");
        execute("""
                CREATE OR REPLACE FUNCTION test_refuse_event() RETURNS trigger AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM test_refused_event WHERE event_id = NEW.event_id) THEN
                        PERFORM nextval('test_refusals');
                        RAISE EXCEPTION 'the database system is starting up' USING ERRCODE = '57P03';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        execute("DROP TRIGGER IF EXISTS test_refuse_event ON processed_event");
    }

    @AfterEach
    void acceptEverythingAgain() {
        execute("DROP TRIGGER IF EXISTS test_refuse_event ON processed_event");
        execute("DROP FUNCTION IF EXISTS test_refuse_event()");
        execute("DROP TABLE IF EXISTS test_refused_event");
        execute("DROP SEQUENCE IF EXISTS test_refusals");
    }

    @Test
    void shouldApplyADealEventOnceTheDatabaseIsBack() {
        execute("CREATE TRIGGER test_refuse_event BEFORE INSERT ON processed_event"
                + " FOR EACH ROW EXECUTE FUNCTION test_refuse_event()");
        applyTheRefusedEventOnceItIsAccepted();
    }

    @Test
    void shouldApplyADealEventWhoseCommitBrokeOff() {
        execute("CREATE CONSTRAINT TRIGGER test_refuse_event AFTER INSERT ON processed_event"
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_event()");
        applyTheRefusedEventOnceItIsAccepted();
    }

    private static void applyTheRefusedEventOnceItIsAccepted() {
        UUID buyer = CatalogAndDeals.partner("Tajik Technical University", "TJ", List.of("ru"), "Asia/Dushanbe",
                "tto-" + UUID.randomUUID() + "@ttu.tj.example");
        UUID seller = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh"), "Asia/Shanghai",
                "tto-" + UUID.randomUUID() + "@lzu.edu.cn.example");
        UUID patent = CatalogAndDeals.patent(seller, "{\"en\":\"Drip irrigation emitter\"}", "A01G 25/02", "CN");
        UUID event = UUID.randomUUID();
        execute("INSERT INTO test_refused_event VALUES ('" + event + "')");
        long refusedBefore = refusals();

        CatalogAndDeals.dealEvent(event, "deal-opened", UUID.randomUUID(), patent, buyer, seller, "TJ", "CN", 0);
        await().atMost(CatalogAndDeals.WAIT).until(() -> refusals() >= refusedBefore + 2);
        execute("DELETE FROM test_refused_event");

        await().atMost(CatalogAndDeals.WAIT).until(() -> itemsFor(buyer, event) == 1 && itemsFor(seller, event) == 1);
    }

    private static long itemsFor(UUID partner, UUID event) {
        return DealNotificationsTest.inbox(partner).stream().filter((InboxItem item) -> item.eventId.equals(event)).count();
    }

    private static long refusals() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) InboxItem.getEntityManager()
                .createNativeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_refusals")
                .getSingleResult()).longValue());
    }

    private static void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> InboxItem.getEntityManager().createNativeQuery(sql).executeUpdate());
    }
}
