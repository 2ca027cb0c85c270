package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollout.browser.GovernanceSteps.NewPhase;
import io.rollout.browser.GovernanceSteps.NewProject;
import io.rollout.identity.Roles;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A PMO starts a new implementation project the way the platform promises: from Tasklist's "Start process" dialog
 * with the project's start form, the project code becoming the business key, and the first tasks of the
 * requirements phase waiting for the departments in scope; and a programme of projects in sequence the same way.
 */
@WebTest
class ProjectStartJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "start-Secret-2026";
    static final String PMO = "startpmo";
    static final String PROCUREMENT_OWNER = "startownerpur";
    static final String WAREHOUSE_OWNER = "startownerwh";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @BeforeEach
    void aPmoAndTheOwnersOfTwoDepartments() {
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO);
        TestUsers.ensure(
                identity, PROCUREMENT_OWNER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup("procurement"));
        TestUsers.ensure(identity, WAREHOUSE_OWNER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup("warehouse"));
    }

    @Test
    void pmoStartsAProjectFromTheStartProcessDialog() {
        String code = "ERP-" + TestProjects.newCode().substring(2);
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);

        GovernanceSteps.startProject(
                tasklist,
                new NewProject(
                        code.toLowerCase(),
                        "ERP phase 1: procurement and inventory",
                        "Jiangsu Hengtai Precision Machinery",
                        "ERP",
                        List.of("Procurement (采购部)", "Warehouse (仓储部)"),
                        List.of("Procurement", "Inventory"),
                        List.of("Customers", "Materials")));

        Project project = projects.find(code).orElseThrow();
        assertThat(project.name()).isEqualTo("ERP phase 1: procurement and inventory");
        assertThat(project.departments()).containsExactly("procurement", "warehouse");
        assertThat(project.modules()).containsExactly("inventory", "procurement");
        assertThat(project.datasets()).containsExactly("customers", "materials");
        assertThat(project.createdBy()).isEqualTo(PMO);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey("implementationProject")
                .processInstanceBusinessKey(code)
                .singleResult();
        assertThat(instance).as("the project's instance, found by its code").isNotNull();
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .processDefinitionKey("requirementsPhase")
                        .count())
                .as("the requirements phase's first tasks")
                .isPositive();
    }

    @Test
    void pmoStartsAProgrammeInTwoPhasesFromTheStartProcessDialog() {
        String n = TestProjects.newCode().substring(2);
        String programme = "PRG-" + n;
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);

        GovernanceSteps.startProgramme(
                tasklist,
                programme,
                "ERP in phases",
                "Jiangsu Hengtai Precision Machinery",
                List.of(
                        new NewPhase(
                                "ERP-A-" + n,
                                "ERP phase 1: procurement and inventory",
                                List.of("Procurement (采购部)", "Warehouse (仓储部)"),
                                List.of("Procurement", "Inventory"),
                                List.of("Customers")),
                        new NewPhase(
                                "ERP-B-" + n,
                                "ERP phase 2: warehouse",
                                List.of("Warehouse (仓储部)"),
                                List.of("Inventory"),
                                List.of())));

        assertThat(projects.find("ERP-A-" + n).orElseThrow().departments()).containsExactly("procurement", "warehouse");
        assertThat(projects.exists("ERP-B-" + n))
                .as("the second phase waits for the first to reach operations")
                .isFalse();
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("programme")
                        .processInstanceBusinessKey(programme)
                        .count())
                .isOne();
    }

    @Test
    void aProjectCodeThatExistsIsRefusedInTheDialogWithTheReason() {
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("procurement"), List.of("procurement"), List.of());
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);

        assertThatThrownBy(() -> GovernanceSteps.startProject(
                        tasklist,
                        new NewProject(
                                code,
                                "Second try",
                                "Hengtai",
                                "ERP",
                                List.of("Procurement (采购部)"),
                                List.of("Procurement"),
                                List.of())))
                .hasMessageContaining("A project with code " + code + " already exists.");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(code)
                        .count())
                .isZero();
    }
}
