package org.iprharbor.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How matching between needs and patents behaves (docs/matching.md).
 */
@ConfigMapping(prefix = "harbor.catalog.matching")
public interface MatchingConfig {

    /** The lowest score (0–100) a pair needs to be a match; a shared IPC subclass alone scores 25. */
    @WithDefault("25")
    int minScore();

    /** How many of the best matches one change of a need or a patent records, so one change costs bounded work. */
    @WithDefault("100")
    int perChange();

    /**
     * How many candidates one change reads at most per tier of evidence (a shared IPC group; a subclass with words;
     * words alone; a subclass alone), so one change costs bounded work however many patents share a common word.
     * A tier with more candidates is read in storage order up to this many (docs/matching.md, "How it scales").
     */
    @WithDefault("2000")
    int candidatesPerTier();
}
