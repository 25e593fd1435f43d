package org.iprharbor.deal.domain;

/**
 * China's export-control class of a patent's technology (Technology Import and Export Regulations).
 */
public enum ExportClass {
    FREE, RESTRICTED, PROHIBITED
}
