package org.iprharbor.deal.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.deal.api.OfferRequest;
import org.iprharbor.deal.domain.Actor;
import org.iprharbor.deal.domain.ActorRole;
import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealParties;
import org.iprharbor.deal.domain.DealType;
import org.iprharbor.deal.domain.ExportClass;
import org.iprharbor.deal.domain.KnownPartner;
import org.iprharbor.deal.domain.KnownPatent;
import org.iprharbor.deal.persistence.IdempotencyKeys;
import org.iprharbor.kit.problem.ProblemException;

/**
 * Opens deals from buyers' offers, checked against the catalog read model, once per idempotency key.
 */
@ApplicationScoped
public class OfferService {

    /** A non-exclusive licence can still be granted on a patent another deal has reserved. */
    private static final Set<String> NOT_LICENSABLE = Set.of("TRANSFERRED", "WITHDRAWN", "EXPIRED");

    private final IdempotencyKeys idempotencyKeys;
    private final DealJournal journal;
    private final MatchOrigin matchOrigin;
    private final ObjectMapper json;

    OfferService(IdempotencyKeys idempotencyKeys, DealJournal journal, MatchOrigin matchOrigin, ObjectMapper json) {
        this.idempotencyKeys = idempotencyKeys;
        this.journal = journal;
        this.matchOrigin = matchOrigin;
        this.json = json;
    }

    /** The outcome of an offer: the deal, and whether this request created it (false on an idempotent replay). */
    public record Offered(Deal deal, boolean created) {
    }

    @Transactional
    public Offered offer(UUID buyerId, OfferRequest request, String idempotencyKey) {
        UUID dealId = UUID.randomUUID();
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            Optional<UUID> earlier = idempotencyKeys.claim(buyerId, idempotencyKey, sha256(request), dealId);
            if (earlier.isPresent()) {
                return new Offered(Deal.findById(earlier.get()), false);
            }
        }
        KnownPartner buyer = KnownPartner.findById(buyerId);
        if (buyer == null) {
            throw ProblemException.unprocessable("Partner " + buyerId + " is not known to deal-service yet; partners "
                    + "registered in the catalog arrive here within seconds.");
        }
        matchOrigin.check(request.matchId(), buyerId, request.patentId());
        KnownPatent patent = KnownPatent.findById(request.patentId());
        if (patent == null) {
            throw ProblemException.unprocessable("Unknown patent " + request.patentId() + ".");
        }
        checkDealable(patent, request.dealType());
        KnownPartner seller = KnownPartner.findById(patent.ownerId);
        if (seller == null) {
            throw ProblemException.unprocessable("The owner of patent " + patent.id + " is not known to deal-service yet.");
        }
        Instant now = DealClock.now();
        DealParties parties = new DealParties(patent.id, buyer.id, buyer.country, seller.id, seller.country,
                patent.jurisdiction, exportClass(patent));
        Deal deal = Deal.open(dealId, parties, request.matchId(), request.dealType(), request.terms().toTerms(),
                request.validUntil(), now);
        journal.open(deal, new Actor(buyerId, ActorRole.BUYER));
        return new Offered(deal, true);
    }

    private static void checkDealable(KnownPatent patent, DealType dealType) {
        if (!patent.dealTypes.contains(dealType.name())) {
            throw ProblemException.unprocessable("Patent " + patent.id + " is not offered as " + dealType
                    + "; its owner offers " + String.join(", ", patent.dealTypes) + ".");
        }
        boolean dealable = dealType.isExclusive() ? "AVAILABLE".equals(patent.status)
                : !NOT_LICENSABLE.contains(patent.status);
        if (!dealable) {
            throw ProblemException.unprocessable("Patent " + patent.id + " is " + patent.status + " and cannot be "
                    + "offered as " + dealType + ".");
        }
    }

    private static ExportClass exportClass(KnownPatent patent) {
        try {
            return ExportClass.valueOf(patent.exportClass);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("Patent " + patent.id + " has an unknown export class "
                    + patent.exportClass + ".");
        }
    }

    private String sha256(OfferRequest request) {
        try {
            byte[] body = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the offer", e);
        }
    }
}
