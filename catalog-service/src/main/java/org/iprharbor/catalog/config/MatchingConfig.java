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
}
