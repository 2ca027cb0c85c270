package io.rollout.migration;

import io.rollout.project.ProjectRepository;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dataset definitions and their cleansing rules ({@code migration_dataset}, {@code migration_rule}). */
@Repository
class DatasetRepository {

    private final JdbcClient jdbc;
    private final ProjectRepository projects;

    DatasetRepository(JdbcClient jdbc, ProjectRepository projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    Optional<DatasetDefinition> find(String projectCode, String dataset) {
        return jdbc.sql("""
                select columns_list, key_columns, reconcile_columns, reject_threshold, department
                from migration_dataset where project_code = ? and dataset = ?""")
                .params(projectCode, dataset)
                .query((rs, n) -> new DatasetDefinition(
                        dataset,
                        lines(rs.getString(1)),
                        lines(rs.getString(2)),
                        lines(rs.getString(3)),
                        (Integer) rs.getObject(4, Integer.class),
                        rs.getString(5),
                        rules(projectCode, dataset)))
                .optional();
    }

    List<DatasetDefinition> all(String projectCode) {
        return jdbc
                .sql("select dataset from migration_dataset where project_code = ? order by dataset")
                .param(projectCode)
                .query(String.class)
                .list()
                .stream()
                .map(dataset -> find(projectCode, dataset).orElseThrow())
                .toList();
    }

    /**
     * Replaces the dataset's definition and all its rules. The project's row is locked first, so two definitions
     * saved at the same moment (the same form submitted on two nodes) replace one another instead of colliding on
     * the rule numbers.
     */
    void save(String projectCode, DatasetDefinition d, String user, Instant at) {
        projects.lock(projectCode);
        jdbc.sql("delete from migration_rule where project_code = ? and dataset = ?")
                .params(projectCode, d.dataset())
                .update();
        jdbc.sql("delete from migration_dataset where project_code = ? and dataset = ?")
                .params(projectCode, d.dataset())
                .update();
        jdbc.sql("""
                insert into migration_dataset (project_code, dataset, columns_list, key_columns, reconcile_columns,
                                               reject_threshold, department, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        d.dataset(),
                        join(d.columns()),
                        join(d.keyColumns()),
                        join(d.reconcileColumns()),
                        d.rejectThreshold(),
                        d.department(),
                        user,
                        Timestamp.from(at))
                .update();
        int order = 1;
        for (CleansingRule r : d.rules()) {
            jdbc.sql("""
                    insert into migration_rule (project_code, dataset, rule_order, kind, column_name, pattern,
                                                rule_values, min_value, max_value, ref_dataset, ref_column, normalised)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            projectCode,
                            d.dataset(),
                            order++,
                            r.kind(),
                            r.column(),
                            r.pattern(),
                            join(r.values()),
                            r.min() == null ? null : r.min().toPlainString(),
                            r.max() == null ? null : r.max().toPlainString(),
                            r.dataset(),
                            r.refColumn(),
                            r.normalised())
                    .update();
        }
    }

    private List<CleansingRule> rules(String projectCode, String dataset) {
        return jdbc.sql("""
                select kind, column_name, pattern, rule_values, min_value, max_value, ref_dataset, ref_column, normalised
                from migration_rule where project_code = ? and dataset = ? order by rule_order""")
                .params(projectCode, dataset)
                .query((rs, n) -> new CleansingRule(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        lines(rs.getString(4)),
                        decimal(rs.getString(5)),
                        decimal(rs.getString(6)),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBoolean(9)))
                .list();
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join("\n", values);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
