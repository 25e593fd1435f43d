package org.iprharbor.catalog.domain;

/** What kind of organisation a partner is. */
public enum PartnerKind {
    UNIVERSITY, COMPANY, RESEARCH_INSTITUTE, TECH_TRANSFER_OFFICE
}
