package org.iprharbor.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.domain.Delivery;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.MailServer;
import org.iprharbor.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queue survives a worker that died mid-send (its claim expires and the delivery is sent), and partners'
 * channel preferences decide where they are told.
 */
@QuarkusTest
class DeliveryRecoveryTest {

    @Test
    void shouldSendADeliveryWhoseWorkerDiedMidSend() {
        String address = "crash-" + UUID.randomUUID() + "@recovery.example";
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Delivery.getEntityManager().createNativeQuery("""
                INSERT INTO delivery (id, channel, target_id, event_id, event_type, address, subject, body, language,
                                      status, attempts, next_attempt_at, lease_until, created_at)
                VALUES (?1, 'EMAIL', ?2, ?3, 'org.iprharbor.deal.deal-opened.v1', ?4, 'Left behind', 'A claim that expired', 'en',
                        'SENDING', 0, now() - interval '5 minutes', now() - interval '1 minute', now() - interval '5 minutes')""")
                .setParameter(1, id).setParameter(2, UUID.randomUUID()).setParameter(3, UUID.randomUUID()).setParameter(4, address)
                .executeUpdate());

        await().atMost(CatalogAndDeals.WAIT).until(() -> received(address) == 1);
        await().atMost(CatalogAndDeals.WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>findById(id).status) == Delivery.Status.DELIVERED);
    }

    /**
     * Regression (fault suite, postgres-immediate-restart): an email was sent while the database could not take the
     * outcome; the worker gave up on recording it, the lease expired and the partner got the email twice.
     */
    @Test
    void shouldRecordASentDeliveryOnceTheDatabaseTakesWritesAgain() {
        String address = "restart-" + UUID.randomUUID() + "@recovery.example";
        UUID id = UUID.randomUUID();
        execute("ALTER TABLE delivery_attempt RENAME TO delivery_attempt_unreachable");
        try {
            QuarkusTransaction.requiringNew().run(() -> Delivery.getEntityManager().createNativeQuery("""
                    INSERT INTO delivery (id, channel, target_id, event_id, event_type, address, subject, body, language,
                                          status, attempts, next_attempt_at, created_at)
                    VALUES (?1, 'EMAIL', ?2, ?3, 'org.iprharbor.deal.deal-opened.v1', ?4, 'Sent during a restart',
                            'Its outcome cannot be written yet', 'en', 'PENDING', 0, now(), now())""")
                    .setParameter(1, id).setParameter(2, UUID.randomUUID()).setParameter(3, UUID.randomUUID())
                    .setParameter(4, address).executeUpdate());
            await().atMost(CatalogAndDeals.WAIT).until(() -> received(address) == 1);
        } finally {
            execute("ALTER TABLE delivery_attempt_unreachable RENAME TO delivery_attempt");
        }

        await().atMost(CatalogAndDeals.WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>findById(id).status) == Delivery.Status.DELIVERED);
        assertThat(received(address)).isEqualTo(1);
    }

    private static void execute(String ddl) {
        QuarkusTransaction.requiringNew().run(() -> Delivery.getEntityManager().createNativeQuery(ddl).executeUpdate());
    }

    @Test
    void shouldRespectAPartnersChannelPreferences() {
        String quietMail = "quiet-" + UUID.randomUUID() + "@gansu-tto.cn.example";
        String loudMail = "loud-" + UUID.randomUUID() + "@iut.ir.example";
        UUID quiet = CatalogAndDeals.partner("Gansu Technology Transfer Centre", "CN", List.of("zh"), "Asia/Shanghai", quietMail);
        UUID loud = CatalogAndDeals.partner("Isfahan University of Technology", "IR", List.of("fa", "en"), "Asia/Tehran", loudMail);
        given().auth().oauth2(TestTokens.partner(quiet)).contentType(ContentType.JSON).body(Map.of("email", false, "inbox", true))
                .when().put("/preferences").then().statusCode(200);
        given().auth().oauth2(TestTokens.partner(quiet)).when().get("/preferences")
                .then().statusCode(200).body("email", org.hamcrest.Matchers.equalTo(false));
        UUID patent = CatalogAndDeals.patent(quiet, "{\"zh\":\"沙漠铁路固沙垫\",\"en\":\"Sand-fixing mat for desert railways\"}",
                "E01F 7/02", "CN");

        CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", UUID.randomUUID(), patent, loud, quiet, "IR", "CN", 0);

        await().atMost(CatalogAndDeals.WAIT).until(() -> received(loudMail) == 1);
        given().auth().oauth2(TestTokens.partner(quiet)).when().get("/inbox")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1));
        assertThat(received(quietMail)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("address", quietMail))).isZero();
    }

    private static long received(String address) {
        return MailServer.to(address).size();
    }
}
