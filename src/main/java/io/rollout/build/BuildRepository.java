package io.rollout.build;

import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.build.BuildRules.Customisation;
import io.rollout.build.BuildRules.Demo;
import io.rollout.build.CustomisationRules.Decision;
import io.rollout.build.CustomisationRules.Development;
import io.rollout.build.IterationPlanRules.IterationPlan;
import io.rollout.build.UpgradeRisk.ModuleRequirement;
import io.rollout.build.VendorBaselineRules.Baseline;
import io.rollout.project.ProjectRepository;
import io.rollout.requirements.RequirementCatalogue;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores build iterations of modules (plan, scope, demo), their configuration items, customisations with
 * their approval and development, acceptances, and the vendor baseline per module. Reads the project's
 * requirements through {@link RequirementCatalogue} and the module's owning department through
 * {@link ProjectRepository}, the modules that own those tables.
 */
@Repository
class BuildRepository {

    /** The latest acceptance decision of a module. */
    record Acceptance(int iteration, boolean accepted, String comment, String decidedBy, Instant decidedAt) {}

    /** One iteration of a module as planned, demonstrated and ended. */
    record Iteration(
            int iteration,
            String goal,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            Boolean customisationsPlanned,
            String plannedBy,
            Instant startedAt,
            Instant endedAt,
            List<String> scope,
            Demo demo) {}

    /** A stored configuration item with the iteration that configured it. */
    record StoredItem(int iteration, ConfigurationItem item) {}

    /** A stored customisation with its approval and development. */
    record StoredCustomisation(
            long id,
            int iteration,
            String kind,
            String description,
            String justification,
            int effortDays,
            String requirementId,
            String status,
            String approvalBoard,
            String decisionReason,
            String decidedBy,
            String deliveryNote,
            String developedBy) {}

    /** A recorded vendor baseline. */
    record StoredBaseline(Baseline baseline, String recordedBy, Instant recordedAt) {}

    /** A requirement of the project as the build phase reads it. */
    record ProjectRequirement(String id, String department, String title, String priority, String solutionMatch) {}

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final RequirementCatalogue catalogue;

    BuildRepository(JdbcClient jdbc, ProjectRepository projects, RequirementCatalogue catalogue) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.catalogue = catalogue;
    }

    // --- iterations ----------------------------------------------------------------------------------

    /** The number of the module's latest iteration, 0 when none has started. */
    int lastIteration(String projectCode, String module) {
        return jdbc.sql("select coalesce(max(iteration), 0) from build_iteration where project_code = ? and module = ?")
                .params(projectCode, module)
                .query(Integer.class)
                .single();
    }

    /** Starts an iteration with its plan and scope. */
    void startIteration(String projectCode, String module, int iteration, IterationPlan plan, String by, Instant at) {
        jdbc.sql("""
                insert into build_iteration (project_code, module, iteration, goal, planned_start, planned_end,
                                             customisations_planned, planned_by, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        module,
                        iteration,
                        plan.goal(),
                        Date.valueOf(plan.plannedStart()),
                        Date.valueOf(plan.plannedEnd()),
                        plan.customisationsPlanned(),
                        by,
                        Timestamp.from(at))
                .update();
        for (String id : plan.scope()) {
            jdbc.sql(
                            "insert into iteration_requirement (project_code, module, iteration, requirement_id) values (?, ?, ?, ?)")
                    .params(projectCode, module, iteration, id)
                    .update();
        }
    }

    Optional<Iteration> iteration(String projectCode, String module, int iteration) {
        return iterations(projectCode, module).stream()
                .filter(i -> i.iteration() == iteration)
                .findFirst();
    }

    List<Iteration> iterations(String projectCode, String module) {
        return jdbc.sql("""
                select iteration, goal, planned_start, planned_end, customisations_planned, planned_by, started_at,
                       ended_at, demo_shown, demo_attendees, demo_feedback
                from build_iteration where project_code = ? and module = ? order by iteration""")
                .params(projectCode, module)
                .query((rs, n) -> new Iteration(
                        rs.getInt(1),
                        rs.getString(2),
                        localDate(rs, 3),
                        localDate(rs, 4),
                        (Boolean) rs.getObject(5),
                        rs.getString(6),
                        instant(rs, 7),
                        instant(rs, 8),
                        scope(projectCode, module, rs.getInt(1)),
                        rs.getString(9) == null ? null : new Demo(rs.getString(9), rs.getString(10), rs.getString(11))))
                .list();
    }

    private List<String> scope(String projectCode, String module, int iteration) {
        return jdbc.sql("""
                select requirement_id from iteration_requirement
                where project_code = ? and module = ? and iteration = ? order by requirement_id""")
                .params(projectCode, module, iteration)
                .query(String.class)
                .list();
    }

    void recordDemo(String projectCode, String module, int iteration, Demo demo, String by, Instant at) {
        jdbc.sql("""
                update build_iteration set demo_shown = ?, demo_attendees = ?, demo_feedback = ?, demo_by = ?, demo_at = ?
                where project_code = ? and module = ? and iteration = ?""")
                .params(
                        demo.shown(),
                        demo.attendees(),
                        demo.feedback(),
                        by,
                        Timestamp.from(at),
                        projectCode,
                        module,
                        iteration)
                .update();
    }

    // --- configuration items -------------------------------------------------------------------------

    void addConfigurationItems(String projectCode, String module, int iteration, List<ConfigurationItem> items) {
        for (ConfigurationItem item : items) {
            jdbc.sql("""
                    insert into configuration_item (project_code, module, iteration, item_type, requirement_id,
                        source_field, target_field, role_name, function_name, document_type, approval_steps, description)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            projectCode,
                            module,
                            iteration,
                            item.type(),
                            item.requirementId(),
                            item.sourceField(),
                            item.targetField(),
                            item.role(),
                            item.function(),
                            item.documentType(),
                            item.steps(),
                            item.description())
                    .update();
        }
    }

    /** The module's configuration items of every iteration, oldest first. */
    List<StoredItem> configurationItems(String projectCode, String module) {
        return jdbc.sql("""
                select iteration, item_type, requirement_id, source_field, target_field, role_name, function_name,
                       document_type, approval_steps, description
                from configuration_item where project_code = ? and module = ? order by iteration, id""")
                .params(projectCode, module)
                .query((rs, n) -> new StoredItem(
                        rs.getInt(1),
                        new ConfigurationItem(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10))))
                .list();
    }

    // --- customisations ------------------------------------------------------------------------------

    /** Replaces the still undecided proposals of an iteration; each goes to its approval board. */
    void propose(
            String projectCode,
            String module,
            int iteration,
            List<Customisation> items,
            Function<Customisation, String> board) {
        jdbc.sql("delete from customisation where project_code = ? and module = ? and iteration = ? and status = ?")
                .params(projectCode, module, iteration, CustomisationRules.PROPOSED)
                .update();
        for (Customisation c : items) {
            jdbc.sql("""
                    insert into customisation (project_code, module, iteration, kind, description, justification,
                                               effort_days, requirement_id, status, approval_board)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            projectCode,
                            module,
                            iteration,
                            c.kind(),
                            c.description(),
                            c.justification(),
                            c.effortDays(),
                            c.requirementId(),
                            CustomisationRules.PROPOSED,
                            board.apply(c))
                    .update();
        }
    }

    /** Every customisation of the module, oldest first. */
    List<StoredCustomisation> customisations(String projectCode, String module) {
        return jdbc.sql("""
                select id, iteration, kind, description, justification, effort_days, requirement_id, status,
                       approval_board, decision_reason, decided_by, delivery_note, developed_by
                from customisation where project_code = ? and module = ? order by id""")
                .params(projectCode, module)
                .query((rs, n) -> new StoredCustomisation(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13)))
                .list();
    }

    void decide(Decision decision, String by, Instant at) {
        jdbc.sql("""
                update customisation set status = ?, decision_reason = ?, decided_by = ?, decided_at = ?
                where id = ? and status = ?""")
                .params(
                        decision.approved() ? CustomisationRules.APPROVED : CustomisationRules.REJECTED,
                        decision.reason(),
                        by,
                        Timestamp.from(at),
                        decision.customisationId(),
                        CustomisationRules.PROPOSED)
                .update();
    }

    /** Records a development report; a developed customisation is credited to its developer, else to {@code by}. */
    void recordDevelopment(Development development, String by, Instant at) {
        String developer = development.developer() != null ? development.developer() : by;
        jdbc.sql("""
                update customisation set status = ?, delivery_note = ?, developed_by = ?, developed_at = ?
                where id = ? and status in (?, ?)""")
                .params(
                        development.developed() ? CustomisationRules.DEVELOPED : CustomisationRules.APPROVED,
                        development.deliveryNote(),
                        development.developed() ? developer : null,
                        development.developed() ? Timestamp.from(at) : null,
                        development.customisationId(),
                        CustomisationRules.APPROVED,
                        CustomisationRules.DEVELOPED)
                .update();
    }

    // --- acceptance ----------------------------------------------------------------------------------

    /** Records the acceptance decision on an iteration and ends the iteration. */
    void recordAcceptance(
            String projectCode,
            String module,
            int iteration,
            boolean accepted,
            String comment,
            String decidedBy,
            Instant at) {
        jdbc.sql("""
                insert into module_acceptance (project_code, module, iteration, accepted, comment, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, module, iteration, accepted, comment, decidedBy, Timestamp.from(at))
                .update();
        jdbc.sql("update build_iteration set ended_at = ? where project_code = ? and module = ? and iteration = ?")
                .params(Timestamp.from(at), projectCode, module, iteration)
                .update();
    }

    Optional<Acceptance> latestAcceptance(String projectCode, String module) {
        return acceptances(projectCode, module).stream().reduce((first, second) -> second);
    }

    /** Every acceptance decision on the module, oldest first. */
    List<Acceptance> acceptances(String projectCode, String module) {
        return jdbc.sql("""
                select iteration, accepted, comment, decided_by, decided_at from module_acceptance
                where project_code = ? and module = ? order by id""")
                .params(projectCode, module)
                .query((rs, n) -> new Acceptance(
                        rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), instant(rs, 5)))
                .list();
    }

    // --- vendor baseline -----------------------------------------------------------------------------

    Optional<StoredBaseline> baseline(String projectCode, String module) {
        return jdbc.sql("""
                select product, version, baseline_date, backup_location, recorded_by, recorded_at
                from vendor_baseline where project_code = ? and module = ?""")
                .params(projectCode, module)
                .query((rs, n) -> new StoredBaseline(
                        new Baseline(rs.getString(1), rs.getString(2), localDate(rs, 3), rs.getString(4)),
                        rs.getString(5),
                        instant(rs, 6)))
                .optional();
    }

    void recordBaseline(String projectCode, String module, Baseline b, String by, Instant at) {
        jdbc.sql("""
                insert into vendor_baseline (project_code, module, product, version, baseline_date, backup_location,
                                             recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        module,
                        b.product(),
                        b.version(),
                        Date.valueOf(b.date()),
                        b.backupLocation(),
                        by,
                        Timestamp.from(at))
                .update();
    }

    // --- module ownership and requirements -----------------------------------------------------------

    /** The department the project names as owner of the module, if it names one. */
    Optional<String> owningDepartment(String projectCode, String module) {
        return projects.owningDepartment(projectCode, module);
    }

    void setOwningDepartment(String projectCode, String module, String department) {
        projects.setOwningDepartment(projectCode, module, department);
    }

    /** The project's requirements, by id. */
    Map<String, ProjectRequirement> requirements(String projectCode) {
        Map<String, ProjectRequirement> byId = new LinkedHashMap<>();
        catalogue
                .of(projectCode)
                .forEach(r -> byId.put(
                        r.reqId(),
                        new ProjectRequirement(r.reqId(), r.department(), r.title(), r.priority(), r.solutionMatch())));
        return byId;
    }

    /** The requirements of one department, as the upgrade risk counts them. */
    List<ModuleRequirement> departmentRequirements(String projectCode, String department) {
        return catalogue.ofDepartment(projectCode, department).stream()
                .map(r -> new ModuleRequirement(r.reqId(), r.solutionMatch()))
                .toList();
    }

    boolean requirementExists(String projectCode, String requirementId) {
        return catalogue.of(projectCode).stream().anyMatch(r -> r.reqId().equals(requirementId));
    }

    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
