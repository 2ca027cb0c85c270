package io.rollout.change;

import io.rollout.identity.Roles;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TestUsers;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * A running {@code implementationProject} for the governance tests: started from its start form (procurement only),
 * waiting in the requirements phase, with requirements and milestones written straight into their tables.
 */
public final class RunningProject {

    public static final String OWNER = "govowner";

    private RunningProject() {}

    public static ProcessInstance start(
            FormService forms, RepositoryService repository, IdentityService identity, String code) {
        user(identity, OWNER, Roles.BUSINESS_OWNER, Roles.departmentGroup("procurement"));
        Map<String, Object> form = new HashMap<>();
        form.put("projectCode", code);
        form.put("projectName", "Governance test " + code);
        form.put("customer", "Test customer");
        form.put("departments", JsonRows.ofStrings(List.of("procurement")));
        form.put("modules", JsonRows.ofStrings(List.of("procurement")));
        String definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("implementationProject")
                .latestVersion()
                .singleResult()
                .getId();
        return forms.submitStartForm(definition, form);
    }

    public static void requirement(JdbcClient jdbc, String code, String reqId) {
        jdbc.sql("""
                insert into requirement (project_code, req_id, department, title, priority, updated_at)
                values (?, ?, 'procurement', ?, 'must', ?)""")
                .params(code, reqId, "Requirement " + reqId, Timestamp.from(Instant.now()))
                .update();
    }

    public static long milestone(JdbcClient jdbc, String code, String name, LocalDate due, String phase) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into milestone (project_code, name, owner, due_date, phase, status) values (?, ?, ?, ?, ?, 'planned')")
                .params(code, name, OWNER, Date.valueOf(due), phase)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public static LocalDate dueDate(JdbcClient jdbc, long milestoneId) {
        return jdbc.sql("select due_date from milestone where id = ?")
                .param(milestoneId)
                .query(Date.class)
                .single()
                .toLocalDate();
    }

    public static void user(IdentityService identity, String id, String... groups) {
        TestUsers.ensure(identity, id, "gov-Secret-2026", groups);
    }
}
