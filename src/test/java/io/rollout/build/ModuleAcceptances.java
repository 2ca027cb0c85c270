package io.rollout.build;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test setup for phases after build (go-live readiness): a business owner's acceptance of a module's iteration,
 * stored as {@code UserTask_AcceptModule} stores it, which is what {@link BuildStatus} reads.
 */
public final class ModuleAcceptances {

    private ModuleAcceptances() {}

    /** Records the decision on the iteration, starting the iteration first when it has not started. */
    public static void decide(JdbcClient jdbc, String projectCode, String module, int iteration, boolean accepted) {
        jdbc.sql("""
                insert into build_iteration (project_code, module, iteration, goal, started_at)
                select ?, ?, ?, 'Configure', current_timestamp from (values (1)) v
                where not exists (select 1 from build_iteration where project_code = ? and module = ? and iteration = ?)""")
                .params(projectCode, module, iteration, projectCode, module, iteration)
                .update();
        jdbc.sql("""
                insert into module_acceptance (project_code, module, iteration, accepted, decided_by, decided_at)
                values (?, ?, ?, ?, 'owner', current_timestamp)""").params(projectCode, module, iteration, accepted).update();
    }
}
