package db.migration;

import io.rollout.audit.AuditChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Chains the decision-log records written before tamper evidence existed (V17), per project in the order
 * they were written, and stores each project's head. Runs once, like every migration: a record added
 * later without a hash is reported as a broken link, never sealed silently.
 */
public class V17_1__Chain_existing_decisions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<String, List<Object[]>> byProject = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, project_code, decision, subject, outcome, findings, inputs, decided_by,
                       process_instance_id, decided_at
                from decision_log order by project_code, id""");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                AuditChain.Fields fields = new AuditChain.Fields(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant());
                byProject
                        .computeIfAbsent(fields.projectCode(), k -> new ArrayList<>())
                        .add(new Object[] {rs.getLong(1), fields});
            }
        }
        try (PreparedStatement row = connection.prepareStatement(
                        "update decision_log set chain_seq = ?, prev_hash = ?, record_hash = ? where id = ?");
                PreparedStatement head = connection.prepareStatement(
                        "update project set audit_seq = ?, audit_hash = ? where code = ?")) {
            for (Map.Entry<String, List<Object[]>> project : byProject.entrySet()) {
                String previous = AuditChain.GENESIS;
                long seq = 0;
                for (Object[] record : project.getValue()) {
                    seq++;
                    String hash = AuditChain.hash(previous, seq, (AuditChain.Fields) record[1]);
                    row.setLong(1, seq);
                    row.setString(2, previous);
                    row.setString(3, hash);
                    row.setLong(4, (Long) record[0]);
                    row.executeUpdate();
                    previous = hash;
                }
                head.setLong(1, seq);
                head.setString(2, previous);
                head.setString(3, project.getKey());
                head.executeUpdate();
            }
        }
    }
}
