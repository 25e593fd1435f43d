package org.iprharbor.notification.matches;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.notification.domain.InboxItem;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.MailServer;
import org.iprharbor.notification.support.NeedsAndMatches;
import org.iprharbor.testing.contracts.EventFixture;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A match found tells the need's owner and the patent's owner, each in their language (inbox and email through a
 * real SMTP server), once per match and party however often it is delivered or announced, only above the score
 * threshold, as one digest when several arrive together, and to a party whose contact data comes late.
 */
@QuarkusTest
class MatchNoticesTest {

    /** Longer than the test profile's digest window (2 s) plus a look of the job (1 s): a second message would be here. */
    private static final Duration QUIET = Duration.ofSeconds(4);
    private static final String CHINESE_TITLE = "高镍三元锂电池正极材料及其制备方法";

    @Test
    void shouldTellAKazakhNeedOwnerAndAChinesePatentOwnerOnceEachInTheirLanguages() throws Exception {
        String needMail = mail("satbayev.kz");
        String patentMail = mail("lzu.edu.cn");
        UUID needOwner = CatalogAndDeals.partner("Satbayev University", "KZ", List.of("kk", "ru"), "Asia/Almaty", needMail);
        UUID patentOwner = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh", "en"), "Asia/Shanghai", patentMail);
        UUID need = UUID.randomUUID();
        String publication = NeedsAndMatches.publication();
        EventFixture match = NeedsAndMatches.match(need, needOwner, UUID.randomUUID(), patentOwner, publication)
                .set("needTitles", NeedsAndMatches.needTitles());
        UUID event = UUID.randomUUID();

        NeedsAndMatches.publish(match, need, event);
        NeedsAndMatches.publish(match, need, event); // redelivered
        NeedsAndMatches.publish(match, need, UUID.randomUUID()); // announced again under a new event id

        awaitOneMessageEach(needMail, patentMail);

        MimeMessage toNeedOwner = MailServer.to(needMail).get(0);
        assertThat(toNeedOwner.getHeader("Content-Language")).containsExactly("kk");
        assertThat(toNeedOwner.getSubject()).contains("Литий-иондық аккумуляторларға арналған катод материалы");
        assertThat(body(toNeedOwner)).contains(publication).contains("90/100").contains("ХПЖ-ның ортақ негізгі тобы: H01M 4")
                .contains("Қазақстан").doesNotContain("Shared IPC group");

        MimeMessage toPatentOwner = MailServer.to(patentMail).get(0);
        assertThat(toPatentOwner.getHeader("Content-Language")).containsExactly("zh");
        assertThat(toPatentOwner.getSubject()).contains(CHINESE_TITLE);
        assertThat(body(toPatentOwner)).contains("匹配度为90分").contains("IPC大组相同（H01M 4）").contains("在哈萨克斯坦有效")
                .contains("普通实施许可").contains("Катодный материал").doesNotContain("In force in KZ");

        String matchId = matchId(match).toString();
        assertThat(inbox(needOwner)).singleElement().satisfies(item -> {
            assertThat(item.language).isEqualTo("kk");
            assertThat(item.subjectId).isEqualTo(matchId);
        });
        assertThat(inbox(patentOwner)).singleElement().satisfies(item -> assertThat(item.language).isEqualTo("zh"));
        assertThat(count("SELECT count(*) FROM match_notice WHERE match_id = ?1", matchId(match))).as("one per party").isEqualTo(2);

        // announced again after both were told: consumed, and nobody is told twice
        UUID again = NeedsAndMatches.publish(match, need, UUID.randomUUID());
        await().atMost(CatalogAndDeals.WAIT).until(() -> count("SELECT count(*) FROM event_log WHERE event_id = ?1", again) == 1);
        awaitOneMessageEach(needMail, patentMail);
        assertThat(inbox(needOwner)).hasSize(1);
    }

    @Test
    void shouldTellNobodyOfAMatchBelowTheThreshold() throws Exception {
        String needMail = mail("kaznu.kz");
        String patentMail = mail("lzu.edu.cn");
        UUID needOwner = CatalogAndDeals.partner("Al-Farabi Kazakh National University", "KZ", List.of("ru"), "Asia/Almaty", needMail);
        UUID patentOwner = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh"), "Asia/Shanghai", patentMail);
        UUID need = UUID.randomUUID();
        EventFixture match = NeedsAndMatches.match(need, needOwner, UUID.randomUUID(), patentOwner, NeedsAndMatches.publication())
                .set("score", 30);
        NeedsAndMatches.publish(match, need, UUID.randomUUID());
        UUID matchId = matchId(match);

        await().atMost(CatalogAndDeals.WAIT).until(() -> count("SELECT count(*) FROM match_found WHERE match_id = ?1", matchId) == 1);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> MailServer.to(needMail).isEmpty()
                && MailServer.to(patentMail).isEmpty());
        assertThat(count("SELECT count(*) FROM match_notice WHERE match_id = ?1", matchId)).isZero();
        assertThat(inbox(needOwner)).isEmpty();
        assertThat(inbox(patentOwner)).isEmpty();
    }

    @Test
    void shouldDigestABurstOfMatchesIntoOneMessagePerParty() throws Exception {
        String needMail = mail("tdtu.uz");
        String patentMail = mail("lzu.edu.cn");
        UUID needOwner = CatalogAndDeals.partner("Tashkent State Technical University", "UZ", List.of("uz", "ru"), "Asia/Tashkent", needMail);
        UUID patentOwner = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh"), "Asia/Shanghai", patentMail);
        UUID need = UUID.randomUUID();
        List<String> publications = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String publication = NeedsAndMatches.publication();
            publications.add(publication);
            NeedsAndMatches.publish(NeedsAndMatches.match(need, needOwner, UUID.randomUUID(), patentOwner, publication)
                    .set("score", 60 + i), need, UUID.randomUUID());
        }

        awaitOneMessageEach(needMail, patentMail);
        MimeMessage toNeedOwner = MailServer.to(needMail).get(0);
        assertThat(toNeedOwner.getSubject()).isEqualTo("IPR Harbor platformasida yangi mosliklar: 4");
        assertThat(body(toNeedOwner)).contains(publications).contains("(baho 63)");
        assertThat(body(toNeedOwner).indexOf(publications.get(3))).as("best first").isLessThan(body(toNeedOwner).indexOf(publications.get(0)));
        MimeMessage toPatentOwner = MailServer.to(patentMail).get(0);
        assertThat(toPatentOwner.getSubject()).isEqualTo("IPR Harbor 上有新的匹配结果：4项");
        assertThat(body(toPatentOwner)).contains(publications);
        assertThat(inbox(needOwner)).singleElement().satisfies(item -> assertThat(item.body).contains(publications));
        assertThat(inbox(patentOwner)).hasSize(1);
    }

    @Test
    void shouldTellAPatentOwnerWhoseContactDataArrivesAfterTheMatch() throws Exception {
        String needMail = mail("enu.kz");
        String patentMail = mail("lut.edu.cn");
        UUID needOwner = CatalogAndDeals.partner("L.N. Gumilyov Eurasian National University", "KZ", List.of("ru"), "Asia/Almaty", needMail);
        UUID patentOwner = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        EventFixture match = NeedsAndMatches.match(need, needOwner, UUID.randomUUID(), patentOwner, NeedsAndMatches.publication());
        NeedsAndMatches.publish(match, need, UUID.randomUUID());

        await().atMost(CatalogAndDeals.WAIT).until(() -> MailServer.to(needMail).size() == 1);
        assertThat(inbox(patentOwner)).isEmpty();
        assertThat(count("SELECT count(*) FROM match_notice WHERE partner_id = ?1 AND sent_at IS NULL", patentOwner))
                .as("waiting for the owner's contact data").isEqualTo(1);

        CatalogAndDeals.publishPartner(patentOwner, "Lanzhou University of Technology", "CN", List.of("zh"), "Asia/Shanghai", patentMail);

        await().atMost(CatalogAndDeals.WAIT).until(() -> MailServer.to(patentMail).size() == 1);
        assertThat(MailServer.to(patentMail).get(0).getSubject()).contains(CHINESE_TITLE);
        assertThat(inbox(patentOwner)).singleElement().satisfies(item -> assertThat(item.language).isEqualTo("zh"));
        assertThat(MailServer.to(needMail)).hasSize(1);
    }

    /** Waits for a message to each address, then makes sure no second one follows within a digest window and a look. */
    static void awaitOneMessageEach(String... addresses) {
        await().atMost(CatalogAndDeals.WAIT).until(() -> Arrays.stream(addresses).noneMatch(address -> MailServer.to(address).isEmpty()));
        await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> Arrays.stream(addresses).allMatch(address -> MailServer.to(address).size() == 1));
    }

    static String mail(String domain) {
        return "tto-" + UUID.randomUUID() + "@" + domain + ".example";
    }

    static String body(MimeMessage message) {
        return MailServer.text(message);
    }

    static UUID matchId(EventFixture match) throws Exception {
        return UUID.fromString(new ObjectMapper().readTree(match.json()).get("matchId").asText());
    }

    static List<InboxItem> inbox(UUID partner) {
        return QuarkusTransaction.requiringNew().call(() -> InboxItem.<InboxItem>list("partnerId", partner));
    }

    static long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) InboxItem.getEntityManager().createNativeQuery(sql)
                .setParameter(1, id).getSingleResult()).longValue());
    }
}
