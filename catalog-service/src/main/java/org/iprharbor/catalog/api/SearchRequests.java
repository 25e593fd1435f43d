package org.iprharbor.catalog.api;

import org.iprharbor.catalog.domain.IpcClass;
import org.iprharbor.catalog.persistence.SearchCursor;
import org.iprharbor.catalog.persistence.SearchSort;
import org.iprharbor.catalog.persistence.Viewer;
import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;

/**
 * The query language patents and needs share: how {@code sort}, {@code cursor} and {@code ipc} are read, and who
 * is searching.
 */
final class SearchRequests {

    private SearchRequests() {
    }

    /** Relevance by default with a query, newest without; relevance without a query is refused. */
    static SearchSort order(SearchSort given, boolean hasText) {
        SearchSort order = given != null ? given : hasText ? SearchSort.RELEVANCE : SearchSort.NEWEST;
        if (order == SearchSort.RELEVANCE && !hasText) {
            throw ProblemException.invalidField("sort", "relevance needs a query q");
        }
        return order;
    }

    static SearchCursor cursor(String token, SearchSort order) {
        return token == null ? null : SearchCursor.decode(token, order);
    }

    /** The normalised IPC prefix of the {@code ipc} parameter, or null. */
    static String ipcPrefix(String ipc) {
        if (ipc == null) {
            return null;
        }
        try {
            return IpcClass.normalisePrefix(ipc);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("ipc", e.getMessage());
        }
    }

    static Viewer viewer(Caller caller) {
        // an operator's subject need not be a partner id
        return caller.isOperator() ? new Viewer(null, true) : new Viewer(caller.id(), false);
    }
}
