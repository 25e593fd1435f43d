package org.iprharbor.notification.routing;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.iprharbor.notification.domain.InboxItem;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.testing.contracts.EventFixture;

/**
 * A deal between a Kazakh university reading Russian (Asia/Almaty) and a Chinese university reading Chinese
 * (Asia/Shanghai) on a Chinese patent, for the procedure's and the clock's notices.
 */
record DealBetween(UUID id, UUID buyer, UUID seller, UUID patent, String buyerMail, String sellerMail) {

    private static final String TITLES = """
            {"zh":"高镍三元锂电池正极材料及其制备方法","ru":"Катодный материал с высоким содержанием никеля","en":"High-nickel cathode material"}""";

    static DealBetween create() {
        String buyerMail = "tto-" + UUID.randomUUID() + "@satbayev.kz.example";
        String sellerMail = "tto-" + UUID.randomUUID() + "@lzu.edu.cn.example";
        UUID buyer = CatalogAndDeals.partner("Satbayev University", "KZ", List.of("ru", "kk"), "Asia/Almaty", buyerMail);
        UUID seller = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh"), "Asia/Shanghai", sellerMail);
        UUID patent = CatalogAndDeals.patent(seller, TITLES, "H01M 4/525", "CN");
        return new DealBetween(UUID.randomUUID(), buyer, seller, patent, buyerMail, sellerMail);
    }

    /** Publishes {@code org.iprharbor.deal.<type>.v1} about this deal, as deal-service would, changed by {@code change}. */
    UUID publish(UUID eventId, String type, long version, UnaryOperator<EventFixture> change) {
        return CatalogAndDeals.dealEvent(eventId, type, id, patent, buyer, seller, "KZ", "CN", version, change);
    }

    UUID publish(String type, long version) {
        return publish(UUID.randomUUID(), type, version, fixture -> fixture);
    }

    /** The inbox items a partner got for one event. */
    static List<InboxItem> notices(UUID partner, UUID event) {
        return DealNotificationsTest.inbox(partner).stream().filter(item -> item.eventId.equals(event)).toList();
    }
}
