package org.iprharbor.kit.problem;

import java.nio.channels.ClosedChannelException;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

/**
 * Recognises a request body that broke off because the client closed the connection (HTTP/1.1; already closed when
 * the read began, or while it waited) or reset the stream (HTTP/2).
 */
final class ClientGone {

    private ClientGone() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException
                    || cause instanceof StreamResetException) {
                return true;
            }
        }
        return false;
    }
}
