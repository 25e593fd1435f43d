package org.iprharbor.catalog.api;

import java.util.UUID;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.NeedStatus;
import org.iprharbor.catalog.persistence.NeedCriteria;
import org.iprharbor.catalog.persistence.SearchText;
import org.iprharbor.kit.validation.CountryCode;

/**
 * The filters of {@code GET /needs} and {@code GET /needs/facets}: the patents' query language.
 */
public class NeedSearchParameters {

    /** Words or a phrase in any language, searched in titles, descriptions and keywords. */
    @QueryParam("q")
    @Size(max = 200)
    public String q;

    /** IPC prefix at any level: H, H01, H01M, H01M 10 or H01M 10/0525. */
    @QueryParam("ipc")
    public String ipc;

    /** A territory where the technology would be used. */
    @QueryParam("country")
    @CountryCode
    public String country;

    @QueryParam("dealType")
    public DealType dealType;

    /** Default: OPEN. */
    @QueryParam("status")
    public NeedStatus status;

    @QueryParam("owner")
    public UUID owner;

    NeedCriteria criteria() {
        return new NeedCriteria(new SearchText(q), SearchRequests.ipcPrefix(ipc), country, dealType, status, owner);
    }
}
