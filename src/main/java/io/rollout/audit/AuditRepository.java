package io.rollout.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the auditors' endpoints read as stored: the projects they may ask about, and each project's decision-log
 * chain with the head its project row keeps. Writing the chain is {@link DecisionLog}'s. The project rows are read
 * here rather than through {@code project}'s repository because {@code project} records its decisions in this
 * module, and the reverse dependency would make a cycle.
 */
@Repository
class AuditRepository {

    /** The head of a project's chain: the place and hash of its last record ({@code null} hash before the first). */
    record Head(long seq, String hash) {}

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean projectExists(String code) {
        return jdbc.sql("select count(*) from project where code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Every project's code, in code order. */
    List<String> projectCodes() {
        return jdbc.sql("select code from project order by code")
                .query(String.class)
                .list();
    }

    String projectName(String code) {
        return jdbc.sql("select name from project where code = ?")
                .param(code)
                .query(String.class)
                .single();
    }

    Head chainHead(String code) {
        return jdbc.sql("select audit_seq, audit_hash from project where code = ?")
                .param(code)
                .query((rs, n) -> new Head(rs.getLong("audit_seq"), rs.getString("audit_hash")))
                .single();
    }

    /** The project's decision-log records in chain order; records without a place in it (added by hand) last. */
    List<ChainCheck.Stored> chain(String code) {
        return jdbc.sql("""
                select id, chain_seq, prev_hash, record_hash, project_code, decision, subject, outcome, findings,
                       inputs, decided_by, process_instance_id, decided_at
                from decision_log where project_code = ?
                order by case when chain_seq is null then 1 else 0 end, chain_seq, id""").param(code).query(AuditRepository::stored).list();
    }

    private static ChainCheck.Stored stored(ResultSet rs, int n) throws SQLException {
        return new ChainCheck.Stored(
                rs.getLong("id"),
                rs.getObject("chain_seq", Long.class),
                rs.getString("prev_hash"),
                rs.getString("record_hash"),
                new AuditChain.Fields(
                        rs.getString("project_code"),
                        rs.getString("decision"),
                        rs.getString("subject"),
                        rs.getString("outcome"),
                        rs.getString("findings"),
                        rs.getString("inputs"),
                        rs.getString("decided_by"),
                        rs.getString("process_instance_id"),
                        rs.getTimestamp("decided_at").toInstant()));
    }
}
