package org.iprharbor.notification.routing;

import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.domain.InboxItem;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.MailServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deal event reaches both parties, each in their own language and on their side of the deal, by email
 * (a real SMTP server) and in the inbox, exactly once even when the event is delivered twice.
 */
@QuarkusTest
class DealNotificationsTest {

    private static final String TITLES = """
            {"zh":"高镍三元锂电池正极材料及其制备方法","ru":"Катодный материал с высоким содержанием никеля","en":"High-nickel cathode material"}""";

    @Test
    void shouldTellAKazakhBuyerAndAChineseSellerOnceEachInTheirLanguages() throws Exception {
        String buyerMail = "tto-" + UUID.randomUUID() + "@satbayev.kz.example";
        String sellerMail = "tto-" + UUID.randomUUID() + "@lzu.edu.cn.example";
        UUID buyer = CatalogAndDeals.partner("Satbayev University", "KZ", List.of("kk", "ru"), "Asia/Almaty", buyerMail);
        UUID seller = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh", "en"), "Asia/Shanghai", sellerMail);
        UUID patent = CatalogAndDeals.patent(seller, TITLES, "H01M 10/0525", "CN");
        UUID deal = UUID.randomUUID();
        UUID event = UUID.randomUUID();

        CatalogAndDeals.dealEvent(event, "deal-opened", deal, patent, buyer, seller, "KZ", "CN", 0);
        CatalogAndDeals.dealEvent(event, "deal-opened", deal, patent, buyer, seller, "KZ", "CN", 0);
        // a later event on the same key (same partition): once its effects are there, the duplicate was consumed too
        CatalogAndDeals.dealEvent(UUID.randomUUID(), "offer-countered", deal, patent, buyer, seller, "KZ", "CN", 1);

        await().atMost(CatalogAndDeals.WAIT).until(() -> mailsTo(buyerMail).size() >= 2 && mailsTo(sellerMail).size() >= 2);
        assertThat(mailsTo(buyerMail)).hasSize(2);
        assertThat(mailsTo(sellerMail)).hasSize(2);
        MimeMessage toSeller = mailsTo(sellerMail).get(0);
        MimeMessage toBuyer = mailsTo(buyerMail).get(0);
        assertThat(toSeller.getSubject()).contains("高镍三元锂电池正极材料及其制备方法");
        assertThat(toSeller.getHeader("Content-Language")[0]).isEqualTo("zh");
        assertThat(toBuyer.getHeader("Content-Language")[0]).isEqualTo("kk");
        assertThat(toBuyer.getSubject()).as("no Kazakh title, so the buyer's next language").contains("Катодный материал");
        assertThat(toSeller.getSubject()).isNotEqualTo(toBuyer.getSubject());

        List<InboxItem> sellerInbox = inbox(seller).stream().filter(item -> item.eventId.equals(event)).toList();
        List<InboxItem> buyerInbox = inbox(buyer).stream().filter(item -> item.eventId.equals(event)).toList();
        assertThat(inbox(seller)).hasSize(2);
        assertThat(inbox(buyer)).hasSize(2);
        assertThat(sellerInbox).singleElement().satisfies(item -> {
            assertThat(item.language).isEqualTo("zh");
            assertThat(item.subjectId).isEqualTo(deal.toString());
            assertThat(item.body).contains("Satbayev University").contains("250,000");
        });
        assertThat(buyerInbox).singleElement().satisfies(item -> assertThat(item.body).contains("Lanzhou University"));
    }

    @Test
    void shouldTellABuyerWhoseContactDataArrivesAfterTheDeal() {
        String buyerMail = "tto-" + UUID.randomUUID() + "@kaznu.kz.example";
        String sellerMail = "tto-" + UUID.randomUUID() + "@lzu.edu.cn.example";
        UUID seller = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh", "en"), "Asia/Shanghai", sellerMail);
        UUID patent = CatalogAndDeals.patent(seller, TITLES, "H01M 10/0525", "CN");
        UUID buyer = UUID.randomUUID();
        UUID deal = UUID.randomUUID();
        UUID opened = CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, patent, buyer, seller, "KZ", "CN", 0);
        UUID countered = CatalogAndDeals.dealEvent(UUID.randomUUID(), "offer-countered", deal, patent, buyer, seller, "KZ", "CN", 1);
        // the deal topic overtook the partner topic: the seller is told at once, the buyer has no address yet
        await().atMost(CatalogAndDeals.WAIT).until(() -> mailsTo(sellerMail).size() >= 2);
        assertThat(inbox(buyer)).isEmpty();

        CatalogAndDeals.publishPartner(buyer, "Al-Farabi Kazakh National University", "KZ", List.of("ru", "kk"), "Asia/Almaty",
                buyerMail);

        await().atMost(CatalogAndDeals.WAIT).until(() -> mailsTo(buyerMail).size() >= 2);
        assertThat(inbox(buyer)).extracting(item -> item.eventId).containsExactlyInAnyOrder(opened, countered);
        assertThat(inbox(buyer)).allSatisfy(item -> {
            assertThat(item.language).isEqualTo("ru");
            assertThat(item.body).contains("Lanzhou University");
        });
        assertThat(mailsTo(buyerMail)).hasSize(2).allSatisfy(message ->
                assertThat(message.getHeader("Content-Language")).containsExactly("ru"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) InboxItem.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM awaiting_contact WHERE partner_id = ?1").setParameter(1, buyer)
                .getSingleResult()).longValue())).as("nothing left waiting to be told twice").isZero();
    }

    @Test
    void shouldAskOperatorsForAnExportDecision() {
        UUID buyer = CatalogAndDeals.partner("Tashkent State Technical University", "UZ", List.of("uz", "ru"), "Asia/Tashkent",
                "tto-" + UUID.randomUUID() + "@tdtu.uz.example");
        UUID seller = CatalogAndDeals.partner("Lanzhou Institute of Petrochemical Technology", "CN", List.of("zh"), "Asia/Shanghai",
                "tto-" + UUID.randomUUID() + "@lzpt.cn.example");
        UUID patent = CatalogAndDeals.patent(seller, TITLES, "C10G 11/18", "CN");
        UUID deal = UUID.randomUUID();
        CatalogAndDeals.dealEvent(UUID.randomUUID(), "export-review-requested", deal, patent, buyer, seller, "UZ", "CN", 5);

        await().atMost(CatalogAndDeals.WAIT).until(() -> mailsTo("operations@iprharbor.example").stream()
                .anyMatch(message -> body(message).contains(deal.toString())));
    }

    static List<MimeMessage> mailsTo(String address) {
        return MailServer.to(address);
    }

    static String body(MimeMessage message) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    }

    static List<InboxItem> inbox(UUID partner) {
        return QuarkusTransaction.requiringNew().call(() -> InboxItem.<InboxItem>list("partnerId", partner));
    }
}
