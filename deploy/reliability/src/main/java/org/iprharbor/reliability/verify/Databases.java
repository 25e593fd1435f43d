package org.iprharbor.reliability.verify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.iprharbor.infra.PostgresServer;

/**
 * Plain JDBC reads of the services' databases for the verifier: no service code in between.
 */
public final class Databases {

    private final PostgresServer postgres;

    public Databases(PostgresServer postgres) {
        this.postgres = postgres;
    }

    /** Rows of {@code sql} in {@code database}, each row's columns joined by '|'. */
    public List<String> rows(String database, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int column = 1; column <= columns; column++) {
                        row.append(column > 1 ? "|" : "").append(result.getString(column));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + database + " failed: " + e.getMessage(), e);
        }
    }

    public long count(String database, String sql, Object... parameters) {
        return Long.parseLong(rows(database, sql, parameters).get(0));
    }
}
