package org.iprharbor.deal.support;

import java.sql.SQLException;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.hibernate.exception.GenericJDBCException;

/**
 * Exists only in deal-service's test application: fails as a request does while PostgreSQL restarts (the driver's
 * error with the given SQLSTATE, wrapped as Hibernate wraps it when a connection cannot be acquired).
 */
@Path("/test-support/database-error")
@PermitAll
public class RestartingDatabaseResource {

    @GET
    @Path("/{sqlState}")
    public String fail(@PathParam("sqlState") String sqlState) {
        throw new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("FATAL: the database system is starting up", sqlState));
    }
}
