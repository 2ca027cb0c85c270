package io.rollout.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores projects and their scope (departments, modules, datasets). */
@Repository
public class ProjectRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProjectRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a new project with its scope; the code must not exist yet. */
    @Transactional
    public Project create(Project p) {
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into project (code, name, customer, system_type, uat_pass_target, training_target,
                                     training_pass_mark, reject_threshold, status, process_instance_id,
                                     created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        p.code(),
                        p.name(),
                        p.customer(),
                        p.systemType(),
                        p.uatPassTarget(),
                        p.trainingTarget(),
                        p.trainingPassMark(),
                        p.rejectThreshold(),
                        Project.ACTIVE,
                        p.processInstanceId(),
                        p.createdBy(),
                        Timestamp.from(now))
                .update();
        p.departments()
                .forEach(d -> jdbc.sql("insert into project_department (project_code, department) values (?, ?)")
                        .params(p.code(), d)
                        .update());
        p.modules()
                .forEach(m -> jdbc.sql("insert into project_module (project_code, module) values (?, ?)")
                        .params(p.code(), m)
                        .update());
        p.datasets()
                .forEach(d -> jdbc.sql("insert into project_dataset (project_code, dataset) values (?, ?)")
                        .params(p.code(), d)
                        .update());
        return find(p.code()).orElseThrow();
    }

    /**
     * Locks the project's row until the transaction ends, so that requests of one project that read and then
     * change the same things (an upload completing the open upload task, a dataset definition replacing its rules)
     * run one after the other, also across the nodes of a cluster, and the later one sees what the earlier did.
     * {@code DecisionLog} takes the same lock. Nothing happens for an unknown code.
     */
    public void lock(String code) {
        jdbc.sql("select code from project where code = ? for update")
                .param(code)
                .query(String.class)
                .optional();
    }

    public boolean exists(String code) {
        return jdbc.sql("select count(*) from project where code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<Project> find(String code) {
        return jdbc.sql("""
                select code, name, customer, system_type, uat_pass_target, training_target, training_pass_mark,
                       reject_threshold, status, process_instance_id, created_by, created_at
                from project where code = ?""")
                .param(code)
                .query((rs, n) -> new Project(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getString(9),
                        departments(code),
                        modules(code),
                        datasets(code),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getTimestamp(12).toInstant()))
                .optional();
    }

    public List<Project> findAll() {
        return jdbc.sql("select code from project order by created_at, code").query(String.class).list().stream()
                .map(code -> find(code).orElseThrow())
                .toList();
    }

    public List<String> departments(String code) {
        return jdbc.sql("select department from project_department where project_code = ? order by department")
                .param(code)
                .query(String.class)
                .list();
    }

    public List<String> modules(String code) {
        return jdbc.sql("select module from project_module where project_code = ? order by module")
                .param(code)
                .query(String.class)
                .list();
    }

    public List<String> datasets(String code) {
        return jdbc.sql("select dataset from project_dataset where project_code = ? order by dataset")
                .param(code)
                .query(String.class)
                .list();
    }

    /**
     * Adds datasets to the project's scope (those the planning phase's integration strategy marks for
     * migration); datasets already in scope are kept and not added twice.
     *
     * @return the datasets that were not in scope before, in the given order
     */
    public List<String> addDatasets(String code, List<String> datasets) {
        List<String> present = datasets(code);
        List<String> added =
                datasets.stream().distinct().filter(d -> !present.contains(d)).toList();
        added.forEach(d -> jdbc.sql("insert into project_dataset (project_code, dataset) values (?, ?)")
                .params(code, d)
                .update());
        return added;
    }

    /** Sets the project's status ({@link Project#ACTIVE}, {@link Project#CLOSED}, {@link Project#CANCELLED}). */
    public void updateStatus(String code, String status) {
        jdbc.sql("update project set status = ? where code = ?")
                .params(status, code)
                .update();
    }

    /** The department the project names as owner of one of its modules, if it names one (set in the build phase). */
    public Optional<String> owningDepartment(String code, String module) {
        return jdbc.sql("select owning_department from project_module where project_code = ? and module = ?")
                .params(code, module)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(o -> o);
    }

    /** Names the department that owns one of the project's modules. */
    public void setOwningDepartment(String code, String module, String department) {
        jdbc.sql("update project_module set owning_department = ? where project_code = ? and module = ?")
                .params(department, code, module)
                .update();
    }
}
