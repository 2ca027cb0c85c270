package io.rollout.planning;

import io.rollout.planning.IntegrationRules.Integration;
import io.rollout.planning.IntegrationRules.LegacySystem;
import io.rollout.planning.IntegrationRules.MigrationNeed;
import io.rollout.planning.IntegrationRules.SystemInterface;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the integration strategy: legacy systems, interfaces and the datasets to migrate. */
@Repository
class IntegrationRepository {

    private final JdbcClient jdbc;

    IntegrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the project's strategy with the given one. */
    void replace(String projectCode, Integration integration) {
        for (String table : List.of("migration_need", "system_interface", "legacy_system")) {
            jdbc.sql("delete from " + table + " where project_code = ?")
                    .param(projectCode)
                    .update();
        }
        for (LegacySystem s : integration.legacySystems()) {
            jdbc.sql("insert into legacy_system (project_code, name, owner_department) values (?, ?, ?)")
                    .params(projectCode, s.name(), s.ownerDepartment())
                    .update();
        }
        for (SystemInterface i : integration.interfaces()) {
            jdbc.sql("""
                    insert into system_interface (project_code, to_system, kind, direction, frequency)
                    values (?, ?, ?, ?, ?)""")
                    .params(projectCode, i.toSystem(), i.kind(), i.direction(), i.frequency())
                    .update();
        }
        for (MigrationNeed m : integration.migrations()) {
            jdbc.sql("insert into migration_need (project_code, dataset, legacy_system) values (?, ?, ?)")
                    .params(projectCode, m.dataset(), m.legacySystem())
                    .update();
        }
    }

    /** The stored strategy; empty lists when none was recorded. */
    Integration find(String projectCode) {
        return new Integration(
                jdbc.sql("select name, owner_department from legacy_system where project_code = ? order by name")
                        .param(projectCode)
                        .query((rs, n) -> new LegacySystem(rs.getString(1), rs.getString(2)))
                        .list(),
                jdbc.sql(
                                "select to_system, kind, direction, frequency from system_interface where project_code = ? order by id")
                        .param(projectCode)
                        .query((rs, n) ->
                                new SystemInterface(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .list(),
                jdbc.sql("select dataset, legacy_system from migration_need where project_code = ? order by dataset")
                        .param(projectCode)
                        .query((rs, n) -> new MigrationNeed(rs.getString(1), rs.getString(2)))
                        .list());
    }
}
