package io.rollout.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollout.identity.Roles;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Starting {@code implementationProject}: the start form is validated and the project stored. */
@ProcessTest
class ProjectRegistrationTests {

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @BeforeEach
    void departmentOwners() {
        owner("regowner1", "procurement");
        owner("regowner2", "warehouse");
    }

    @Test
    void startStoresTheProjectAndUsesItsCodeAsBusinessKey() {
        String code = TestProjects.newCode();
        ProcessInstance instance = runtime.startProcessInstanceByKey("implementationProject", startForm(code));

        assertThat(instance.getBusinessKey()).isEqualTo(code);
        Project project = projects.find(code).orElseThrow();
        assertThat(project.departments()).containsExactly("procurement", "warehouse");
        assertThat(project.modules()).containsExactly("inventory", "procurement");
        assertThat(project.uatPassTarget()).isEqualTo(90);
        assertThat(project.trainingTarget()).isEqualTo(80);
        assertThat(project.processInstanceId()).isEqualTo(instance.getId());
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(code)
                        .processDefinitionKey("requirementsPhase")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void startIsRefusedForADepartmentWithoutBusinessOwner() {
        String code = TestProjects.newCode();
        Map<String, Object> form = startForm(code);
        form.put("departments", JsonRows.ofStrings(List.of("procurement", "hr")));

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("implementationProject", form))
                .hasMessageContaining("Department \"hr\" has no business owner");
        assertThat(projects.exists(code)).isFalse();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(code)
                        .count())
                .isZero();
    }

    @Test
    void startIsRefusedForAnUnknownDepartmentOrBadCodeOrDuplicate() {
        String code = TestProjects.newCode();
        Map<String, Object> unknown = startForm(code);
        unknown.put("departments", "procurement,marketing");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("implementationProject", unknown))
                .hasMessageContaining("Unknown department \"marketing\"");

        Map<String, Object> badCode = startForm("1-bad code");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("implementationProject", badCode))
                .hasMessageContaining("Project code \"1-bad code\" is not valid");

        runtime.startProcessInstanceByKey("implementationProject", startForm(code));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("implementationProject", startForm(code)))
                .hasMessageContaining("A project with code " + code + " already exists");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(code)
                        .processDefinitionKey("implementationProject")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void startIsRefusedWithoutProjectNameOrWithAnImpossibleTarget() {
        Map<String, Object> noName = startForm(TestProjects.newCode());
        noName.remove("projectName");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("implementationProject", noName))
                .hasMessageContaining("The field \"projectName\" is required");

        Map<String, Object> badTarget = startForm(TestProjects.newCode());
        badTarget.put("uatPassTarget", 140L);
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("implementationProject", badTarget))
                .hasMessageContaining("uatPassTarget");
    }

    static Map<String, Object> startForm(String code) {
        Map<String, Object> form = new HashMap<>();
        form.put("projectCode", code);
        form.put("projectName", "ERP phase 1");
        form.put("customer", "Test manufacturer");
        form.put("systemType", "ERP");
        form.put("departments", JsonRows.ofStrings(List.of("procurement", "warehouse")));
        form.put("modules", JsonRows.ofStrings(List.of("procurement", "inventory")));
        form.put("datasets", JsonRows.ofStrings(List.of("customers")));
        form.put("uatPassTarget", 90L);
        return form;
    }

    private void owner(String userId, String department) {
        TestUsers.ensure(
                identity, userId, "owner-Secret-2026", Roles.BUSINESS_OWNER, Roles.departmentGroup(department));
    }
}
