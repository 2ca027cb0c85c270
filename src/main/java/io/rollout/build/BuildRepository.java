package io.rollout.build;

import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.build.BuildRules.Customisation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores build iterations of modules with their configuration items, customisations and acceptances. */
@Repository
class BuildRepository {

    /** The latest acceptance decision of a module. */
    record Acceptance(int iteration, boolean accepted, String comment, String decidedBy) {
    }

    private final JdbcClient jdbc;

    BuildRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of the module's latest iteration, 0 when none has started. */
    int lastIteration(String projectCode, String module) {
        return jdbc.sql("select coalesce(max(iteration), 0) from build_iteration where project_code = ? and module = ?")
            .params(projectCode, module).query(Integer.class).single();
    }

    /** The goal of an iteration, if it exists. */
    Optional<String> goal(String projectCode, String module, int iteration) {
        return jdbc.sql("select goal from build_iteration where project_code = ? and module = ? and iteration = ?")
            .params(projectCode, module, iteration).query(String.class).optional();
    }

    void startIteration(String projectCode, String module, int iteration, String goal, Instant startedAt,
                        List<ConfigurationItem> items) {
        jdbc.sql("insert into build_iteration (project_code, module, iteration, goal, started_at) values (?, ?, ?, ?, ?)")
            .params(projectCode, module, iteration, goal, Timestamp.from(startedAt)).update();
        for (ConfigurationItem item : items) {
            jdbc.sql("""
                    insert into configuration_item (project_code, module, iteration, item_type, description, requirement_id)
                    values (?, ?, ?, ?, ?, ?)""")
                .params(projectCode, module, iteration, item.type(), item.description(), item.requirementId()).update();
        }
    }

    /** Replaces the customisations of an iteration. */
    void replaceCustomisations(String projectCode, String module, int iteration, List<Customisation> items) {
        jdbc.sql("delete from customisation where project_code = ? and module = ? and iteration = ?")
            .params(projectCode, module, iteration).update();
        for (Customisation c : items) {
            jdbc.sql("""
                    insert into customisation (project_code, module, iteration, kind, description, justification,
                                               effort_days, requirement_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, module, iteration, c.kind(), c.description(), c.justification(), c.effortDays(),
                    c.requirementId())
                .update();
        }
    }

    List<ConfigurationItem> configurationItems(String projectCode, String module, int iteration) {
        return jdbc.sql("""
                select item_type, description, requirement_id from configuration_item
                where project_code = ? and module = ? and iteration = ? order by id""")
            .params(projectCode, module, iteration)
            .query((rs, n) -> new ConfigurationItem(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    List<Customisation> customisations(String projectCode, String module, int iteration) {
        return jdbc.sql("""
                select kind, description, justification, effort_days, requirement_id from customisation
                where project_code = ? and module = ? and iteration = ? order by id""")
            .params(projectCode, module, iteration)
            .query((rs, n) -> new Customisation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5)))
            .list();
    }

    /** Records the acceptance decision on an iteration and ends the iteration. */
    void recordAcceptance(String projectCode, String module, int iteration, boolean accepted, String comment,
                          String decidedBy, Instant at) {
        jdbc.sql("""
                insert into module_acceptance (project_code, module, iteration, accepted, comment, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
            .params(projectCode, module, iteration, accepted, comment, decidedBy, Timestamp.from(at)).update();
        jdbc.sql("update build_iteration set ended_at = ? where project_code = ? and module = ? and iteration = ?")
            .params(Timestamp.from(at), projectCode, module, iteration).update();
    }

    Optional<Acceptance> latestAcceptance(String projectCode, String module) {
        return jdbc.sql("""
                select iteration, accepted, comment, decided_by from module_acceptance
                where project_code = ? and module = ? order by id desc""")
            .params(projectCode, module)
            .query((rs, n) -> new Acceptance(rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
            .list().stream().findFirst();
    }

    boolean requirementExists(String projectCode, String requirementId) {
        return jdbc.sql("select count(*) from requirement where project_code = ? and req_id = ?")
            .params(projectCode, requirementId).query(Integer.class).single() > 0;
    }
}
