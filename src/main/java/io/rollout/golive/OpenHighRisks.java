package io.rollout.golive;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The open high risks of a project (score = probability × impact ≥ {@value #HIGH_SCORE}) from the risk
 * register that {@code planningPhase} keeps in table {@code risk}. Until the planning phase is
 * installed there is no register, and therefore no risk to report.
 */
@Component
class OpenHighRisks {

    static final int HIGH_SCORE = 15;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    OpenHighRisks(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Risk titles with their score, highest first, e.g. {@code Key user leaves (20)}. */
    List<String> of(String projectCode) {
        if (!registerExists()) {
            return List.of();
        }
        return jdbc.sql("""
                select title, score from risk
                where project_code = ? and score >= ?
                  and coalesce(lower(status), 'open') not in ('closed', 'mitigated', 'resolved')
                order by score desc, title""")
            .params(projectCode, HIGH_SCORE)
            .query((rs, n) -> rs.getString(1) + " (" + rs.getInt(2) + ")").list();
    }

    // Asking the catalogue instead of trying the query: on PostgreSQL a failed statement would abort
    // the engine's transaction.
    private boolean registerExists() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : List.of("risk", "RISK")) {
                try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database catalogue", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
