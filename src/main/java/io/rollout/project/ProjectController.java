package io.rollout.project;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Read-only project overview for every Rollout role: the projects, and for one project its scope,
 * the phases it has been through, what is open now, and every recorded decision.
 */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private final ProjectRepository projects;
    private final DecisionLog decisions;
    private final HistoryService history;
    private final CurrentUser user;
    private final ProjectAccess access;
    private final Messages messages;

    ProjectController(
            ProjectRepository projects,
            DecisionLog decisions,
            HistoryService history,
            CurrentUser user,
            ProjectAccess access,
            Messages messages) {
        this.projects = projects;
        this.decisions = decisions;
        this.history = history;
        this.user = user;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping
    List<Project> list() {
        user.requireAnyOf(Roles.ALL);
        return projects.findAll();
    }

    @GetMapping("/{code}")
    ProjectOverview get(@PathVariable String code) {
        user.requireAnyOf(Roles.ALL);
        Project project = projects.find(code)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("project.notFound", code)));
        return new ProjectOverview(project, phases(code), decisions.forProject(code));
    }

    @GetMapping("/{code}/decisions")
    List<Decision> decisions(@PathVariable String code) {
        access.require(code, Roles.ALL);
        return decisions.forProject(code);
    }

    // The phases are the process instances of the project (main process and called phases share
    // the business key); the open activities show where the project stands now.
    private List<PhaseState> phases(String code) {
        List<PhaseState> phases = new ArrayList<>();
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .orderByProcessInstanceStartTime()
                .asc()
                .list();
        for (HistoricProcessInstance instance : instances) {
            List<String> open = history
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .unfinished()
                    .activityType("userTask")
                    .orderByHistoricActivityInstanceStartTime()
                    .asc()
                    .orderPartiallyByOccurrence()
                    .asc()
                    .list()
                    .stream()
                    .map(HistoricActivityInstance::getActivityName)
                    .toList();
            phases.add(new PhaseState(
                    instance.getProcessDefinitionKey(),
                    instance.getState(),
                    instance.getStartTime(),
                    instance.getEndTime(),
                    open));
        }
        return phases;
    }

    record ProjectOverview(Project project, List<PhaseState> phases, List<Decision> decisions) {}

    record PhaseState(
            String process, String state, java.util.Date started, java.util.Date ended, List<String> openTasks) {}
}
