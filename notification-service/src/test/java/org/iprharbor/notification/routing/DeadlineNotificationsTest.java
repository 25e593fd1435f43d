package org.iprharbor.notification.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.localisation.Formats;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.MailServer;
import org.iprharbor.testing.contracts.EventFixture;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iprharbor.notification.routing.DealNotificationsTest.mailsTo;

/**
 * The deal clock's notices: a reminder reaches only the party the deadline names as responsible, once, in their
 * language and time zone; a missed deadline reaches the operators and both parties.
 */
@QuarkusTest
class DeadlineNotificationsTest {

    private static final Instant DUE = Instant.parse("2027-02-05T16:00:00Z");

    @Test
    void shouldRemindOnlyTheResponsibleSellerOnceInChineseAndBeijingTime() throws Exception {
        DealBetween deal = DealBetween.create();
        UUID reminder = UUID.randomUUID();

        deal.publish(reminder, "deadline-approaching", 6, deadline("CONTRACT_REGISTRATION", "SELLER", "OPEN", DUE));
        deal.publish(reminder, "deadline-approaching", 6, deadline("CONTRACT_REGISTRATION", "SELLER", "OPEN", DUE));
        // a later event on the same key (same partition) that both parties read: once it is there, the duplicate was consumed
        UUID registered = deal.publish("contract-registered", 7);

        await().atMost(CatalogAndDeals.WAIT).until(() -> mailsTo(deal.buyerMail()).size() >= 1 && mailsTo(deal.sellerMail()).size() >= 2);
        assertThat(DealBetween.notices(deal.seller(), reminder)).as("one notice for a reminder delivered twice").singleElement()
                .satisfies(item -> {
                    assertThat(item.language).isEqualTo("zh");
                    // due at the end of 5 February in Beijing (midnight starting the 6th): shown as that day's end
                    assertThat(item.title).contains("技术出口合同登记").contains("2027年2月5日 24:00").doesNotContain("2月6日");
                    assertThat(item.body).contains("期限为2027年2月5日 24:00");
                    assertThat(item.body).contains("Satbayev University").contains("请通过网上系统向商务主管部门办理合同登记");
                });
        assertThat(mailsTo(deal.sellerMail())).hasSize(2);
        assertThat(DealBetween.notices(deal.buyer(), reminder)).as("the buyer has nothing to do").isEmpty();
        assertThat(mailsTo(deal.buyerMail())).singleElement().satisfies(message -> {
            assertThat(message.getHeader("Content-Language")).containsExactly("ru");
            assertThat(message.getSubject()).contains("Договор зарегистрирован");
        });
        assertThat(DealBetween.notices(deal.buyer(), registered)).hasSize(1);
    }

    @Test
    void shouldRemindTheBuyerWhenTheOfferWaitsForTheirAnswer() {
        DealBetween deal = DealBetween.create();
        Instant due = Instant.parse("2027-01-31T00:00:00Z");
        UUID reminder = deal.publish(UUID.randomUUID(), "deadline-approaching", 3,
                fixture -> deadline("OFFER_VALIDITY", "BUYER", "OPEN", due).apply(fixture).set("state", "COUNTERED"));
        UUID sentinel = deal.publish("offer-countered", 4);

        await().atMost(CatalogAndDeals.WAIT).until(() -> DealBetween.notices(deal.seller(), sentinel).size() == 1);
        assertThat(DealBetween.notices(deal.seller(), reminder)).isEmpty();
        assertThat(DealBetween.notices(deal.buyer(), reminder)).singleElement().satisfies(item -> {
            assertThat(item.language).isEqualTo("ru");
            assertThat(item.title).contains("Ответ на предложение")
                    .contains(Formats.dateTime(due, ZoneId.of("Asia/Almaty"), Locale.forLanguageTag("ru")));
            assertThat(item.body).contains("Примите предложение");
        });
    }

    @Test
    void shouldTellOperatorsAndBothPartiesOfAMissedDeadline() {
        DealBetween deal = DealBetween.create();
        UUID missed = deal.publish(UUID.randomUUID(), "deadline-missed", 7, deadline("CNIPA_RECORDAL", "SELLER", "OVERDUE", DUE));

        await().atMost(CatalogAndDeals.WAIT).until(() -> operatorMails(deal.id()).size() == 1
                && DealBetween.notices(deal.buyer(), missed).size() == 1 && DealBetween.notices(deal.seller(), missed).size() == 1);
        assertThat(MailServer.text(operatorMails(deal.id()).get(0)))
                .contains("Recordal of the licence contract with CNIPA").contains("overdue");
        assertThat(DealBetween.notices(deal.seller(), missed).get(0).body).as("the seller is told what is still owed")
                .contains("专利实施许可合同向国家知识产权局备案").contains("请向国家知识产权局办理许可合同备案");
        assertThat(DealBetween.notices(deal.buyer(), missed).get(0).body).as("the buyer is told, in Russian, who follows it up")
                .contains("Внесение лицензионного договора в реестр CNIPA").contains("Операторы IPR Harbor уведомлены")
                .doesNotContain("Внесите лицензионный договор");
    }

    private static UnaryOperator<EventFixture> deadline(String kind, String responsible, String status, Instant due) {
        Map<String, Object> deadline = new HashMap<>(Map.of("kind", kind, "dueAt", due.toString(), "responsible", responsible,
                "estimated", false, "status", status, "reminders", 1, "openedAt", "2026-12-07T09:12:40.117Z"));
        deadline.put("closedAt", null);
        return fixture -> fixture.set("deadline", deadline).set("deadlines", List.of(deadline));
    }

    static List<MimeMessage> operatorMails(UUID deal) {
        return mailsTo("operations@iprharbor.example").stream()
                .filter(message -> DealNotificationsTest.body(message).contains(deal.toString())).toList();
    }
}
