package io.rollout.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of every gate outcome and every human decision that moves a project: who or which
 * gate decided, on what inputs, with which outcome and reasons. Rows are only ever added, each chained
 * to the one before it in its project ({@link AuditChain}); {@link ChainVerification} finds a changed,
 * removed or inserted record.
 */
@Repository
public class DecisionLog {

    /** The decider recorded for automatic gates. */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final Clock clock;

    DecisionLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends a decision to its project's chain and returns it as stored. Moving the project's chain head
     * first locks the project row until the transaction ends, so concurrent decisions of one project
     * (another node, the job executor) queue up instead of forking the chain.
     */
    public Decision record(Decision d) {
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (jdbc.sql("update project set audit_seq = audit_seq + 1 where code = ?")
                        .param(d.projectCode())
                        .update()
                != 1) {
            throw new IllegalArgumentException("no project " + d.projectCode() + " to record decision " + d.decision());
        }
        Map<String, Object> head = jdbc.sql("select audit_seq, audit_hash from project where code = ?")
                .param(d.projectCode())
                .query()
                .singleRow();
        long seq = ((Number) head.get("audit_seq")).longValue();
        String previous = head.get("audit_hash") == null ? AuditChain.GENESIS : (String) head.get("audit_hash");
        AuditChain.Fields fields = new AuditChain.Fields(
                d.projectCode(),
                d.decision(),
                d.subject(),
                d.outcome(),
                truncate(String.join("\n", d.findings())),
                truncate(d.inputs()),
                d.decidedBy(),
                d.processInstanceId(),
                at);
        String hash = AuditChain.hash(previous, seq, fields);
        jdbc.sql("""
                insert into decision_log (project_code, decision, subject, outcome, findings, inputs,
                                          decided_by, process_instance_id, decided_at, chain_seq, prev_hash, record_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        fields.projectCode(),
                        fields.decision(),
                        fields.subject(),
                        fields.outcome(),
                        fields.findings(),
                        fields.inputs(),
                        fields.decidedBy(),
                        fields.processInstanceId(),
                        Timestamp.from(at),
                        seq,
                        previous,
                        hash)
                .update();
        jdbc.sql("update project set audit_hash = ? where code = ?")
                .params(hash, d.projectCode())
                .update();
        return d.withDecidedAt(at);
    }

    /** All decisions of a project, oldest first. */
    public List<Decision> forProject(String projectCode) {
        return jdbc.sql(SELECT + " where project_code = ? order by id")
                .param(projectCode)
                .query(DecisionLog::map)
                .list();
    }

    /** The latest decision of one kind for a project, if any. */
    public Optional<Decision> latest(String projectCode, String decision) {
        // list(), not stream(): an unclosed stream keeps its connection out of the pool outside a transaction
        return jdbc
                .sql(SELECT + " where project_code = ? and decision = ? order by id desc")
                .params(projectCode, decision)
                .query(DecisionLog::map)
                .list()
                .stream()
                .findFirst();
    }

    private static final String SELECT = """
            select project_code, decision, subject, outcome, findings, inputs, decided_by,
                   process_instance_id, decided_at
            from decision_log""";

    private static Decision map(ResultSet rs, int row) throws SQLException {
        String findings = rs.getString(5);
        return new Decision(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                findings == null || findings.isEmpty() ? List.of() : List.of(findings.split("\n")),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 8000 ? text : text.substring(0, 7997) + "...";
    }

    /**
     * One recorded decision.
     *
     * @param decision what was decided, e.g. {@code requirementSignOff}, {@code uatGate}, {@code goLiveDecision}
     * @param subject  what it was decided on, e.g. {@code specification v2}
     * @param outcome  e.g. {@code passed}, {@code failed}, {@code approved}, {@code rejected}, {@code go}
     * @param findings the reasons, one line each, as the next user reads them
     * @param inputs   a short summary of the data the decision was made on
     */
    public record Decision(
            String projectCode,
            String decision,
            String subject,
            String outcome,
            List<String> findings,
            String inputs,
            String decidedBy,
            String processInstanceId,
            Instant decidedAt) {

        public Decision(
                String projectCode,
                String decision,
                String subject,
                String outcome,
                List<String> findings,
                String inputs,
                String decidedBy,
                String processInstanceId) {
            this(projectCode, decision, subject, outcome, findings, inputs, decidedBy, processInstanceId, null);
        }

        Decision withDecidedAt(Instant at) {
            return new Decision(
                    projectCode, decision, subject, outcome, findings, inputs, decidedBy, processInstanceId, at);
        }
    }
}
