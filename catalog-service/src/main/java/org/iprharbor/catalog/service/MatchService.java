package org.iprharbor.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.catalog.domain.Need;
import org.iprharbor.catalog.domain.NeedMatch;
import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;

import io.quarkus.logging.Log;

/**
 * The parties' side of matches: a party dismisses a match, and anyone showing matches gets both sides of each.
 */
@ApplicationScoped
public class MatchService {

    /** A match with the need and the patent it joins. */
    public record Detailed(NeedMatch match, Need need, Patent patent) {
    }

    @Transactional
    public Detailed dismiss(UUID matchId, Caller caller) {
        Detailed detailed = NeedMatch.<NeedMatch>findByIdOptional(matchId).map(match -> detailed(List.of(match)).get(0))
                .filter(found -> caller.id().equals(found.need().ownerId) || caller.id().equals(found.patent().ownerId))
                .orElseThrow(() -> ProblemException.notFound("No match " + matchId + "."));
        detailed.match().dismiss(caller.id(), Instant.now());
        Log.infof("match-dismissed matchId=%s needId=%s patentId=%s by=%s", matchId, detailed.need().id,
                detailed.patent().id, caller.id());
        return detailed;
    }

    /** The matches with their needs and patents, in the same order, in two queries. */
    public List<Detailed> detailed(List<NeedMatch> matches) {
        if (matches.isEmpty()) {
            return List.of();
        }
        Map<UUID, Need> needs = Need.<Need>list("id in ?1", matches.stream().map(match -> match.needId).toList()).stream()
                .collect(Collectors.toMap(need -> need.id, Function.identity()));
        Map<UUID, Patent> patents = Patent.<Patent>list("id in ?1", matches.stream().map(match -> match.patentId).toList())
                .stream().collect(Collectors.toMap(patent -> patent.id, Function.identity()));
        return matches.stream().map(match -> new Detailed(match, needs.get(match.needId), patents.get(match.patentId))).toList();
    }
}
