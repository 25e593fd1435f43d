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

    /**
     * PostgreSQL's {@code work_mem} for the matching queries (set for the rest of the change's transaction). A common
     * word's posting list at a million patents is a bitmap over most of the patent table's pages; at the default 4 MB
     * it turns lossy and every row of those pages is read and rechecked. A bitmap of every page of a million patents
     * (138,000 pages) needs about 9 MB; the memory is taken only as a bitmap grows (docs/benchmarks/tuning.md).
     */
    @WithDefault("32MB")
    String workMem();
}
