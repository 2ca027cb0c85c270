package io.rollout.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database that already holds decisions when tamper evidence arrives: migration V17_1 chains them per
 * project in the order they were written, so they verify, and the application continues the chain.
 */
class ChainExistingDecisionsMigrationTests {

    @Test
    void decisionsWrittenBeforeTheChainAreChainedOnceInWritingOrder() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:chain-migration;DB_CLOSE_DELAY=-1");
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("rollout_schema_history")
                .target("17")
                .load();
        flyway.migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (String code : List.of("OLD-1", "OLD-2")) {
            jdbc.sql("""
                    insert into project (code, name, customer, system_type, uat_pass_target, training_target,
                                         training_pass_mark, reject_threshold, status, created_by, created_at)
                    values (?, 'Old project', 'Customer', 'ERP', 95, 80, 60, 2, 'active', 'zhangwei', current_timestamp)""").param(code).update();
        }
        for (String[] d : List.of(
                new String[] {"OLD-1", "passed"}, new String[] {"OLD-2", "failed"}, new String[] {"OLD-1", "failed"})) {
            jdbc.sql("""
                    insert into decision_log (project_code, decision, subject, outcome, findings, decided_by, decided_at)
                    values (?, 'uatGate', 'round 1', ?, '', 'system', current_timestamp)""").params(d[0], d[1]).update();
        }

        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("rollout_schema_history")
                .load()
                .migrate();

        List<ChainCheck.Stored> chain = jdbc.sql("""
                select id, chain_seq, prev_hash, record_hash, project_code, decision, subject, outcome, findings,
                       inputs, decided_by, process_instance_id, decided_at
                from decision_log where project_code = 'OLD-1' order by chain_seq""")
                .query((rs, n) -> new ChainCheck.Stored(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        new AuditChain.Fields(
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11),
                                rs.getString(12),
                                rs.getTimestamp(13).toInstant())))
                .list();
        assertThat(chain).extracting(s -> s.fields().outcome()).containsExactly("passed", "failed");
        String head = jdbc.sql("select audit_hash from project where code = 'OLD-1'")
                .query(String.class)
                .single();
        assertThat(ChainCheck.verify(chain, 2, head)).isEmpty();
        assertThat(jdbc.sql("select audit_seq from project where code = 'OLD-2'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
