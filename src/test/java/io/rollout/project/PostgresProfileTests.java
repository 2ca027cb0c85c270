package io.rollout.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.shared.PostgresTest;
import io.rollout.shared.TestProjects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code postgres} profile on a real PostgreSQL: Flyway creates Rollout's tables, the engine its
 * schema, and a project starts and reaches its first tasks.
 */
@PostgresTest
class PostgresProfileTests {

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsAndEngineSchemaRunAndAProjectStarts() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select count(*) from rollout_schema_history where success")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(5);
        identity.saveUser(identity.newUser("pgowner"));
        identity.createMembership("pgowner", Roles.BUSINESS_OWNER);
        identity.createMembership("pgowner", Roles.departmentGroup("procurement"));
        identity.createMembership("pgowner", Roles.departmentGroup("warehouse"));

        String code = TestProjects.newCode();
        runtime.startProcessInstanceByKey("implementationProject", ProjectRegistrationTests.startForm(code));

        assertThat(jdbc.sql("select status from project where code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo(Project.ACTIVE);
        // interview, questionnaire and process mapping for each of the two departments
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .taskCandidateGroup(Roles.CONSULTANT)
                        .count())
                .isEqualTo(6);
    }
}
