package org.iprharbor.deal.support;

import java.sql.SQLException;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.hibernate.exception.GenericJDBCException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Exists only in deal-service's test application: fails as a request does while PostgreSQL restarts or every pooled
 * connection is busy.
 */
@Path("/test-support/database-error")
@PermitAll
public class DatabaseErrorResource {

    @Inject
    EntityManager entityManager;

    /** The driver's error with the given SQLSTATE, wrapped as Hibernate wraps it when no connection is acquired. */
    @GET
    @Path("/{sqlState}")
    public String fail(@PathParam("sqlState") String sqlState) {
        throw new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("FATAL: the database system is starting up", sqlState));
    }

    /**
     * A real broken commit: the transaction's own server process is terminated (from another transaction) after
     * its statement ran and before its COMMIT is sent, as an immediate-mode restart does.
     */
    @POST
    @Path("/commit-lost")
    @Transactional
    public String loseTheCommit() {
        Number backend = (Number) entityManager.createNativeQuery("SELECT pg_backend_pid()").getSingleResult();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("SELECT pg_terminate_backend(:pid, 10000)")
                .setParameter("pid", backend.intValue()).getSingleResult());
        return "committed";
    }

    /** Keeps a pooled connection busy, as a slow statement under load does. */
    @POST
    @Path("/hold/{seconds}")
    @Transactional
    public String holdAConnection(@PathParam("seconds") int seconds) {
        entityManager.createNativeQuery("SELECT pg_sleep(:seconds)").setParameter("seconds", seconds).getSingleResult();
        return "held";
    }
}
