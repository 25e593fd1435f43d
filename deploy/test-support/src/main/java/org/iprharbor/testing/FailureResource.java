package org.iprharbor.testing;

import java.sql.SQLException;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Exists only in a service's test application: raises the failures a real request can hit, so the
 * problem+json mapping of each is proven without breaking the database for every other test.
 */
@Path("/test-support/failures")
@PermitAll
public class FailureResource {

    /** Text that must never reach a client. */
    public static final String INTERNAL_DETAIL = "internal detail: connection string postgres://secret";

    @GET
    @Path("/{kind}")
    public String fail(@PathParam("kind") String kind) {
        throw switch (kind) {
            case "database-down" -> new JDBCConnectionException("connection refused",
                    new SQLException("Connection to localhost:15432 refused", "08001"));
            case "concurrent-update" -> new OptimisticLockException("row was updated or deleted by another transaction");
            default -> new IllegalStateException(INTERNAL_DETAIL);
        };
    }
}
