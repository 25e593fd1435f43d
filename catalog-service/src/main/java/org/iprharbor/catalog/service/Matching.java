package org.iprharbor.catalog.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.catalog.config.MatchingConfig;
import org.iprharbor.catalog.domain.MatchScore;
import org.iprharbor.catalog.domain.MatchStatus;
import org.iprharbor.catalog.domain.Need;
import org.iprharbor.catalog.domain.NeedMatch;
import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.catalog.persistence.MatchQueries;

import io.quarkus.logging.Log;

/**
 * Matches incrementally, in the transaction of the change: a need posted or changed against available patents, a
 * patent listed or changed against open needs. New pairs are announced (match-found) once; pairs that no longer
 * match lapse; dismissed pairs are never touched again.
 */
@ApplicationScoped
public class Matching {

    private final MatchQueries queries;
    private final MatchingConfig config;
    private final CatalogEvents events;

    Matching(MatchQueries queries, MatchingConfig config, CatalogEvents events) {
        this.queries = queries;
        this.config = config;
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void needChanged(Need need) {
        Need.flush();
        List<MatchQueries.Found> found = queries.forNeed(need.id, config.minScore(), config.perChange(), config.candidatesPerTier(), config.workMem());
        List<NeedMatch> known = NeedMatch.list("needId = ?1 and (status = ?2 or patentId in ?3)", need.id,
                MatchStatus.ACTIVE, ids(found, MatchQueries.Found::patentId));
        Map<UUID, Patent> patents = Patent.<Patent>list("id in ?1", ids(found, MatchQueries.Found::patentId)).stream()
                .collect(Collectors.toMap(patent -> patent.id, Function.identity()));
        apply(found, known, match -> match.patentId, MatchQueries.Found::patentId,
                match -> events.matchFound(match, need, patents.get(match.patentId)));
        Log.infof("matched needId=%s patents=%d", need.id, found.size());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void patentChanged(Patent patent) {
        Patent.flush();
        List<MatchQueries.Found> found = queries.forPatent(patent.id, config.minScore(), config.perChange(), config.candidatesPerTier(), config.workMem());
        List<NeedMatch> known = NeedMatch.list("patentId = ?1 and (status = ?2 or needId in ?3)", patent.id,
                MatchStatus.ACTIVE, ids(found, MatchQueries.Found::needId));
        Map<UUID, Need> needs = Need.<Need>list("id in ?1", ids(found, MatchQueries.Found::needId)).stream()
                .collect(Collectors.toMap(need -> need.id, Function.identity()));
        apply(found, known, match -> match.needId, MatchQueries.Found::needId,
                match -> events.matchFound(match, needs.get(match.needId), patent));
        Log.infof("matched patentId=%s needs=%d", patent.id, found.size());
    }

    /**
     * Records what was found against what was known of the anchor: new pairs and pairs found again are updated
     * (announced if never before), known active pairs not found any more lapse.
     */
    private static void apply(List<MatchQueries.Found> found, List<NeedMatch> known, Function<NeedMatch, UUID> other,
            Function<MatchQueries.Found, UUID> foundOther, Consumer<NeedMatch> announce) {
        Instant now = Instant.now();
        Map<UUID, NeedMatch> byOther = known.stream().collect(Collectors.toMap(other, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        for (MatchQueries.Found pair : found) {
            seen.add(foundOther.apply(pair));
            NeedMatch match = byOther.get(foundOther.apply(pair));
            boolean first = match == null;
            if (first) {
                match = new NeedMatch();
                match.id = UUID.randomUUID();
                match.needId = pair.needId();
                match.patentId = pair.patentId();
                match.status = MatchStatus.ACTIVE;
                match.foundAt = now;
            }
            boolean news = match.found(pair.score(), MatchScore.reasons(pair.evidence()), now);
            if (first) {
                match.persist();
            }
            if (news) {
                announce.accept(match);
            }
        }
        known.stream().filter(match -> !seen.contains(other.apply(match))).forEach(match -> match.lapse(now));
    }

    private static List<UUID> ids(List<MatchQueries.Found> found, Function<MatchQueries.Found, UUID> id) {
        // an empty IN list is not valid SQL everywhere: a random id stands for "none"
        return found.isEmpty() ? List.of(UUID.randomUUID()) : found.stream().map(id).toList();
    }
}
