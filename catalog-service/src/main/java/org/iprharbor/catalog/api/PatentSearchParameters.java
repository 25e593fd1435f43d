package org.iprharbor.catalog.api;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.ExportClass;
import org.iprharbor.catalog.domain.PatentStatus;
import org.iprharbor.catalog.persistence.PatentCriteria;
import org.iprharbor.catalog.persistence.SearchText;
import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.validation.CountryCode;
import org.iprharbor.kit.validation.CurrencyCode;

/**
 * The filters of {@code GET /patents} and {@code GET /patents/facets}.
 */
public class PatentSearchParameters {

    /** Words or a phrase in any language, searched in titles, abstracts and the publication number. */
    @QueryParam("q")
    @Size(max = 200)
    public String q;

    /** IPC prefix at any level: H, H01, H01M, H01M 10 or H01M 10/0525. */
    @QueryParam("ipc")
    public String ipc;

    @QueryParam("jurisdiction")
    @CountryCode
    public String jurisdiction;

    /** A country where the patent is in force: its jurisdiction or its family coverage. */
    @QueryParam("coverage")
    @CountryCode
    public String coverage;

    /** Default: AVAILABLE and RESERVED. */
    @QueryParam("status")
    public PatentStatus status;

    @QueryParam("dealType")
    public DealType dealType;

    @QueryParam("exportClass")
    public ExportClass exportClass;

    @QueryParam("owner")
    public UUID owner;

    /** Upper bound of the asking price; needs {@code currency} (prices are not converted between currencies). */
    @QueryParam("maxPrice")
    @DecimalMin("0")
    public BigDecimal maxPrice;

    @QueryParam("currency")
    @CurrencyCode
    public String currency;

    PatentCriteria criteria() {
        if (maxPrice != null && currency == null) {
            throw ProblemException.invalidField("currency", "is required with maxPrice (prices are compared in one currency)");
        }
        return new PatentCriteria(new SearchText(q), SearchRequests.ipcPrefix(ipc), jurisdiction, coverage, status, dealType, exportClass, owner, maxPrice, currency);
    }
}
