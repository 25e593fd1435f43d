package org.iprharbor.notification.routing;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.MailServer;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iprharbor.notification.routing.DealBetween.notices;

/**
 * China's export procedure as the parties read it: the exporter (seller) is asked to apply for the letter of intent
 * and the buyer told to wait; the intent's grant or refusal; the licence application after signing; the contract in
 * effect; and a freely exportable technology's registration. Each in the reader's language.
 */
@QuarkusTest
class ExportProcedureNotificationsTest {

    @Test
    void shouldAskTheChineseExporterForALetterOfIntentAndTellTheBuyerToWait() {
        DealBetween deal = DealBetween.create();
        UUID requested = deal.publish("export-intent-requested", 0);
        UUID granted = deal.publish("export-intent-granted", 1);

        await().atMost(CatalogAndDeals.WAIT).until(() -> notices(deal.buyer(), granted).size() == 1
                && notices(deal.seller(), granted).size() == 1);
        assertThat(notices(deal.seller(), requested)).singleElement().satisfies(item -> {
            assertThat(item.title).contains("请申请技术出口许可意向书");
            assertThat(item.body).contains("Satbayev University").contains("30个工作日").contains("IPR Harbor不代为提交申请");
        });
        assertThat(notices(deal.buyer(), requested)).singleElement().satisfies(item -> {
            assertThat(item.title).contains("Ожидается решение");
            assertThat(item.body).contains("Lanzhou University").contains("письмо о намерениях").contains("30 рабочих дней");
        });
        assertThat(notices(deal.buyer(), granted).get(0).title).contains("Письмо о намерениях выдано");
        assertThat(notices(deal.seller(), granted).get(0).body).contains("现在可以进行谈判并签订合同");
        await().atMost(CatalogAndDeals.WAIT).until(() -> DeadlineNotificationsTest.operatorMails(deal.id()).stream()
                .anyMatch(message -> MailServer.text(message).contains("letter of intent")));
    }

    @Test
    void shouldTellBothPartiesThatNoLetterOfIntentEndsTheDealWithTheReason() {
        DealBetween deal = DealBetween.create();
        UUID refused = deal.publish("export-intent-refused", 1);

        await().atMost(CatalogAndDeals.WAIT).until(() -> notices(deal.buyer(), refused).size() == 1
                && notices(deal.seller(), refused).size() == 1);
        assertThat(notices(deal.buyer(), refused).get(0).body).contains("не выдал письмо о намерениях")
                .contains("dual-use technology: no letter of intent");
        assertThat(notices(deal.seller(), refused).get(0).title).contains("未获许可意向书");
    }

    @Test
    void shouldNeverTellTheSignaturesOfRestrictedTechnologyAsPuttingTheContractInEffect() {
        DealBetween deal = DealBetween.create();
        UUID first = deal.publish("party-signed", 3);
        UUID second = deal.publish("contract-signed", 4);

        await().atMost(CatalogAndDeals.WAIT).until(() -> notices(deal.buyer(), second).size() == 1
                && notices(deal.seller(), second).size() == 1);
        assertThat(notices(deal.buyer(), first)).singleElement().satisfies(item -> assertThat(item.body)
                .contains("Lanzhou University как экспортёр подаст заявку на экспортную лицензию")
                .contains("вступит в силу только с выдачей лицензии").doesNotContain("после того, как его подпишут"));
        assertThat(notices(deal.seller(), first)).singleElement().satisfies(item -> assertThat(item.body)
                .contains("请您作为出口方申请技术出口许可证").contains("合同自许可证颁发之日起生效").doesNotContain("合同方可生效"));
        assertThat(notices(deal.buyer(), second)).singleElement().satisfies(item -> {
            assertThat(item.title).contains("ожидает экспортной лицензии");
            assertThat(item.body).contains("В силу он пока не вступил").doesNotContain("оплата");
        });
        assertThat(notices(deal.seller(), second)).singleElement().satisfies(item -> {
            assertThat(item.title).contains("待颁发技术出口许可证");
            assertThat(item.body).contains("合同尚未生效").doesNotContain("付款");
        });
    }

    @Test
    void shouldTellTheSignaturesOfFreelyExportableTechnologyAsPuttingTheContractInEffect() {
        DealBetween deal = DealBetween.create();
        UUID first = deal.publish(UUID.randomUUID(), "party-signed", 3, fixture -> fixture.set("exportRoute", "REGISTRATION"));

        await().atMost(CatalogAndDeals.WAIT).until(() -> notices(deal.buyer(), first).size() == 1);
        assertThat(notices(deal.buyer(), first).get(0).body)
                .contains("Договор вступит в силу после того, как его подпишут обе стороны");
    }

    @Test
    void shouldSayTheLicenceIsAppliedForAfterSigningAndTheContractTakesEffectOnIt() {
        DealBetween deal = DealBetween.create();
        UUID licence = deal.publish("export-review-requested", 5);
        UUID effect = deal.publish("export-cleared", 6);

        await().atMost(CatalogAndDeals.WAIT).until(() -> notices(deal.buyer(), effect).size() == 1
                && notices(deal.seller(), effect).size() == 1);
        assertThat(notices(deal.buyer(), licence).get(0).body).contains("экспортную лицензию").contains("15 рабочих дней")
                .contains("вступает в силу только с выдачей лицензии");
        assertThat(notices(deal.seller(), licence).get(0).body).contains("申请技术出口许可证").contains("合同自许可证颁发之日起生效");
        assertThat(notices(deal.buyer(), effect).get(0).title).contains("Договор вступил в силу");
        assertThat(notices(deal.seller(), effect).get(0).body).contains("合同现已生效").contains("国家知识产权局备案");
    }
}
