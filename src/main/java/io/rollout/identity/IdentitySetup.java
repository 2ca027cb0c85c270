package io.rollout.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.rollout.shared.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, on every start and idempotently, the role groups of DESIGN.md, one group per department,
 * the authorizations of each role, and the Tasklist filters; with users and groups from a directory
 * (profile {@code ldap}) only the authorizations and filters. Candidates of a task get their task
 * permissions from the engine itself (a candidate group or user may read and complete the task);
 * what is granted here is what a role needs beyond its own tasks.
 */
@Component
@Order(10)
class IdentitySetup implements ApplicationRunner {

    static final String FILTER_MY_TASKS = "My tasks";
    static final String FILTER_OPEN_FOR_ME = "Open tasks for me";

    private static final Map<String, String> ROLE_NAMES = new LinkedHashMap<>();

    static {
        ROLE_NAMES.put(Roles.PMO, "PMO / project managers");
        ROLE_NAMES.put(Roles.BUSINESS_OWNER, "Business owners");
        ROLE_NAMES.put(Roles.KEY_USER, "Key users");
        ROLE_NAMES.put(Roles.CONSULTANT, "Consultants");
        ROLE_NAMES.put(Roles.DEVELOPER, "Developers");
        ROLE_NAMES.put(Roles.DATA_STEWARD, "Data stewards");
        ROLE_NAMES.put(Roles.TRAINER, "Trainers");
        ROLE_NAMES.put(Roles.STEERING_COMMITTEE, "Steering committee");
        ROLE_NAMES.put(Roles.IT_OPERATIONS, "IT operations");
        ROLE_NAMES.put(Roles.PROCESS_OWNER, "Process owners");
        ROLE_NAMES.put(Roles.AUDITOR, "Auditors");
        ROLE_NAMES.put(Roles.ADMIN, "Administrators");
    }

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final List<String> departments;
    private final Names names;

    IdentitySetup(
            IdentityService identity,
            AuthorizationService authorizations,
            FilterService filters,
            TaskService tasks,
            @Value("${rollout.departments}") List<String> departments,
            Names names) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.departments = departments;
        this.names = names;
    }

    @Override
    public void run(ApplicationArguments args) {
        // a read-only identity (profile ldap) holds the groups in the directory: see DirectoryCheck
        if (!identity.isReadOnly()) {
            ROLE_NAMES.forEach((id, name) ->
                    group(id, name, Roles.ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW));
            // named in English like every stored name, so each reader gets it in their language (部门：财务部)
            departments.forEach(
                    d -> group(Roles.departmentGroup(d), "Department: " + names.department(d), "department"));
        }
        grantRoles();
        createFilters();
        withdrawTaskUpdates();
    }

    private void grantRoles() {
        grantWorkingRoles();
        grantProjectStarts();
        grantProcessOwners();
        grantAuditors();
    }

    private void grantWorkingRoles() {
        // administrators administer everything (users, groups, authorizations, filters, deployments, Cockpit), as
        // Camunda's own first-user setup grants it: the engine's admin group bypasses only a few checks by itself
        for (Resource resource : Resources.values()) {
            grant(Roles.ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        for (String role : Roles.WORKING) {
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist shows names of candidates and assignees, and renders forms from the definitions
            grant(role, Resources.USER, Authorization.ANY, Permissions.READ);
            grant(role, Resources.GROUP, Authorization.ANY, Permissions.READ);
            grant(role, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            grant(role, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
        }
    }

    private void grantProjectStarts() {
        // the PMO starts projects and follows them in Cockpit
        grant(
                Roles.PMO,
                Resources.PROCESS_DEFINITION,
                "implementationProject",
                Permissions.CREATE_INSTANCE,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY);
        grant(Roles.PMO, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE, Permissions.READ);
        grant(Roles.PMO, Resources.PROCESS_DEFINITION, "programme", Permissions.CREATE_INSTANCE);
        grant(Roles.PMO, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // everyone on a project raises risks and issues from Tasklist; those who own requirements and the plan
        // raise change requests (the processes only hand them to the project: the rest happens in its tasks)
        for (String role : Roles.WORKING) {
            grant(role, Resources.PROCESS_DEFINITION, "raiseRiskOrIssue", Permissions.CREATE_INSTANCE);
            grant(role, Resources.PROCESS_DEFINITION, "giveFeedback", Permissions.CREATE_INSTANCE);
            grant(role, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
        for (String role : List.of(Roles.PMO, Roles.CONSULTANT, Roles.BUSINESS_OWNER, Roles.KEY_USER)) {
            grant(role, Resources.PROCESS_DEFINITION, "changeRequest", Permissions.CREATE_INSTANCE);
        }
        // the steering committee cancels projects from Tasklist too
        grant(Roles.STEERING_COMMITTEE, Resources.PROCESS_DEFINITION, "cancelProject", Permissions.CREATE_INSTANCE);
    }

    private void grantProcessOwners() {
        // process owners deploy models and inspect them in Cockpit
        grant(
                Roles.PROCESS_OWNER,
                Resources.DEPLOYMENT,
                Authorization.ANY,
                Permissions.CREATE,
                Permissions.READ,
                Permissions.DELETE);
        grant(
                Roles.PROCESS_OWNER,
                Resources.PROCESS_DEFINITION,
                Authorization.ANY,
                Permissions.READ,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY,
                Permissions.UPDATE);
        grant(
                Roles.PROCESS_OWNER,
                Resources.DECISION_DEFINITION,
                Authorization.ANY,
                Permissions.READ,
                Permissions.READ_HISTORY,
                Permissions.UPDATE);
        grant(Roles.PROCESS_OWNER, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
        // ... and move running instances to a new version (modelling/ProcessMigrations): migration runs as a batch
        grant(
                Roles.PROCESS_OWNER,
                Resources.PROCESS_DEFINITION,
                Authorization.ANY,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE);
        grant(
                Roles.PROCESS_OWNER,
                Resources.BATCH,
                Authorization.ANY,
                BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
                BatchPermissions.READ,
                BatchPermissions.READ_HISTORY);
        grant(Roles.PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }

    private void grantAuditors() {
        // auditors read everything that happened and change nothing
        grant(Roles.AUDITOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(
                Roles.AUDITOR,
                Resources.PROCESS_DEFINITION,
                Authorization.ANY,
                Permissions.READ,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY,
                Permissions.READ_TASK);
        grant(
                Roles.AUDITOR,
                Resources.DECISION_DEFINITION,
                Authorization.ANY,
                Permissions.READ,
                Permissions.READ_HISTORY);
        grant(Roles.AUDITOR, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
        grant(Roles.AUDITOR, Resources.TASK, Authorization.ANY, Permissions.READ);
        grant(Roles.AUDITOR, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        grant(Roles.AUDITOR, Resources.USER, Authorization.ANY, Permissions.READ);
        grant(Roles.AUDITOR, Resources.GROUP, Authorization.ANY, Permissions.READ);
    }

    private void createFilters() {
        filter(
                FILTER_MY_TASKS,
                "Tasks assigned to me",
                -10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                Roles.WORKING);
        filter(
                FILTER_OPEN_FOR_ME,
                "Unclaimed tasks offered to me or my groups",
                -5,
                tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}"),
                Roles.WORKING);
        for (String role : Roles.WORKING) {
            filter(
                    ROLE_NAMES.get(role),
                    "Open tasks of group " + role,
                    0,
                    tasks.createTaskQuery().taskCandidateGroup(role).includeAssignedTasks(),
                    List.of(role));
        }
    }

    private void filter(String name, String description, int priority, TaskQuery query, List<String> readers) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            properties.put("variables", List.of(Map.of("name", "projectCode", "label", "Project")));
            filter = filters.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
            filters.saveFilter(filter);
        }
        for (String reader : readers) {
            grant(reader, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        for (Permission permission : permissions) {
            auth.addPermission(permission);
        }
        authorizations.saveAuthorization(auth);
    }

    /**
     * Tasks created before the engine granted {@code TASK_WORK} (application.yaml,
     * {@code default-user-permission-name-for-task}) still give their candidates and assignee {@code UPDATE}, which
     * writes the task's variables, reassigns it and changes its candidates: those grants become {@code TASK_WORK}
     * (claim and complete), as new tasks get it. Administrators keep theirs.
     */
    private void withdrawTaskUpdates() {
        for (Authorization auth : authorizations
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE)
                .list()) {
            if (auth.getAuthorizationType() != AUTH_TYPE_GRANT
                    || Roles.ADMIN.equals(auth.getGroupId())
                    || Authorization.ANY.equals(auth.getResourceId())) {
                continue;
            }
            auth.removePermission(Permissions.UPDATE);
            auth.addPermission(TaskPermissions.TASK_WORK);
            authorizations.saveAuthorization(auth);
        }
    }
}
