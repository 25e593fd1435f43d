package org.iprharbor.catalog.messaging;

/**
 * The catalog's topics and event types: the contract its consumers build on.
 */
public final class CatalogTopics {

    public static final String PARTNERS = "harbor.partners.v1";
    public static final String PATENTS = "harbor.patents.v1";
    /** Needs and the matches found for them, keyed by needId. */
    public static final String NEEDS = "harbor.needs.v1";

    public static final String PARTNER_REGISTERED = "org.iprharbor.catalog.partner-registered.v1";
    public static final String PARTNER_UPDATED = "org.iprharbor.catalog.partner-updated.v1";
    public static final String PATENT_LISTED = "org.iprharbor.catalog.patent-listed.v1";
    public static final String PATENT_UPDATED = "org.iprharbor.catalog.patent-updated.v1";
    public static final String PATENT_WITHDRAWN = "org.iprharbor.catalog.patent-withdrawn.v1";
    public static final String PATENT_RESERVED = "org.iprharbor.catalog.patent-reserved.v1";
    public static final String PATENT_RELEASED = "org.iprharbor.catalog.patent-released.v1";
    public static final String PATENT_TRANSFERRED = "org.iprharbor.catalog.patent-transferred.v1";
    public static final String NEED_POSTED = "org.iprharbor.catalog.need-posted.v1";
    public static final String NEED_UPDATED = "org.iprharbor.catalog.need-updated.v1";
    public static final String NEED_CLOSED = "org.iprharbor.catalog.need-closed.v1";
    public static final String MATCH_FOUND = "org.iprharbor.catalog.match-found.v1";

    private CatalogTopics() {
    }
}
