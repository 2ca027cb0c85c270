package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The process tests run where the build says: on H2 by default, on PostgreSQL in the Surefire execution
 * {@code process-tests-on-postgres} — the engine, Flyway's tables and our repositories all on the same database.
 * Without this a mistake in the set-up would let the second run pass on H2 while reporting PostgreSQL.
 */
@ProcessTest
class ProcessTestDatabaseTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void engineAndRolloutTablesAreOnTheDatabaseTheBuildAskedFor() throws SQLException {
        boolean postgres = ProcessTestDatabase.onPostgres();
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }

        assertThat(product).isEqualTo(postgres ? "PostgreSQL" : "H2");
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
                .isEqualTo(postgres ? "postgres" : "h2");
        assertThat(environment.getActiveProfiles())
                .containsExactlyElementsOf(postgres ? List.of("test", "postgres") : List.of("test"));
        assertThat(jdbc.sql("select count(*) from \"rollout_schema_history\" where \"success\"")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(19);
    }
}
