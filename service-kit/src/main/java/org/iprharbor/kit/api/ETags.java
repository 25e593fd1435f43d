package org.iprharbor.kit.api;

import org.iprharbor.kit.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: an aggregate's version is its ETag, and a command carrying
 * {@code If-Match} only applies to the version the client last saw.
 */
public final class ETags {

    private ETags() {
    }

    /** The strong ETag of a version: {@code "7"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks an {@code If-Match} header against the current version: 428 when it is required and missing,
     * 412 when it names another version. A missing optional header passes.
     */
    public static void check(String ifMatch, long currentVersion, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ProblemException(428, "precondition-required", "Precondition required",
                        "Send If-Match with the ETag (version) you last read, e.g. If-Match: " + of(currentVersion) + ".");
            }
            return;
        }
        String given = ifMatch.trim();
        if (given.equals("*")) {
            return;
        }
        String unquoted = given.startsWith("W/") ? given.substring(2) : given;
        if (!unquoted.equals(of(currentVersion))) {
            throw ProblemException.preconditionFailed("The resource is at version " + currentVersion + " (ETag "
                    + of(currentVersion) + "), not " + given + ": someone changed it since you read it. Reload and retry.");
        }
    }
}
