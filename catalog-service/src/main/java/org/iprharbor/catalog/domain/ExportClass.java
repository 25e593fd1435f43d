package org.iprharbor.catalog.domain;

/** China's export-control class of the technology (Technology Import and Export Regulations). */
public enum ExportClass {
    FREE, RESTRICTED, PROHIBITED
}
