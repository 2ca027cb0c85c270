package io.rollout.programme;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.Engine;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Programmes: {@code POST /api/programmes} (pmo) runs several implementation projects as phases in sequence —
 * the first starts now, each next one when the previous reaches operations; {@code GET /api/programmes/{code}}
 * shows the phases and where they stand. A refused phase (code, departments, modules) refuses the whole
 * programme with the reason; nothing is stored.
 */
@RestController
class ProgrammeController {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{2,31}");

    /** A programme as posted. */
    record NewProgramme(String code, String name, String customer, String systemType, List<NewPhase> phases) {
    }

    /** One phase as posted: the project it runs. */
    record NewPhase(String projectCode, String projectName, List<String> departments, List<String> modules,
                    List<String> datasets) {
    }

    private final ProgrammeRepository repository;
    private final ProjectRepository projects;
    private final RuntimeService runtime;
    private final Engine engine;
    private final CurrentUser user;
    private final Messages messages;

    ProgrammeController(ProgrammeRepository repository, ProjectRepository projects, RuntimeService runtime,
                        Engine engine, CurrentUser user, Messages messages) {
        this.repository = repository;
        this.projects = projects;
        this.runtime = runtime;
        this.engine = engine;
        this.user = user;
        this.messages = messages;
    }

    @Transactional
    @PostMapping("/api/programmes")
    ResponseEntity<Map<String, Object>> start(@RequestBody NewProgramme body) {
        user.requireAnyOf(List.of(Roles.PMO));
        List<String> problems = new ArrayList<>();
        String code = body.code() == null ? null : body.code().trim().toUpperCase();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(messages.get("programme.code", body.code() == null ? "" : body.code()));
        } else if (repository.exists(code)) {
            problems.add(messages.get("programme.exists", code));
        }
        if (FormInput.text(body.name()) == null) {
            problems.add(messages.get("form.field.required", "name"));
        }
        List<ProgrammeRepository.Phase> phases = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<NewPhase> posted = body.phases() == null ? List.of() : body.phases();
        for (int i = 0; i < posted.size(); i++) {
            NewPhase p = posted.get(i);
            String project = p.projectCode() == null ? "" : p.projectCode().trim().toUpperCase();
            if (!CODE.matcher(project).matches() || !seen.add(project) || projects.exists(project)) {
                problems.add(messages.get("programme.phase.project", i + 1, project));
            }
            if (FormInput.text(p.projectName()) == null || p.departments() == null || p.departments().isEmpty()
                || p.modules() == null || p.modules().isEmpty()) {
                problems.add(messages.get("programme.phase.incomplete", i + 1));
            }
            phases.add(new ProgrammeRepository.Phase(i + 1, project, p.projectName(),
                p.departments() == null ? List.of() : p.departments(), p.modules() == null ? List.of() : p.modules(),
                p.datasets() == null ? List.of() : p.datasets(), "planned"));
        }
        if (posted.size() < 2) {
            problems.add(messages.get("programme.phases"));
        }
        FormInput.refuseIfAny(problems);
        repository.create(code, body.name().trim(), phases, user.id());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("programmeCode", code);
        variables.put("programmePhases", phases.stream().map(ProgrammeRepository.Phase::no).toList());
        variables.put("customer", body.customer() == null ? body.name() : body.customer());
        variables.put("systemType", body.systemType() == null ? "ERP" : body.systemType());
        // the PMO's role was checked; the phases' projects are started by the programme
        engine.asSystem(() -> runtime.startProcessInstanceByKey("programme", code, variables).getId());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("code", code, "phases", phases.size()));
    }

    @GetMapping("/api/programmes/{code}")
    Map<String, Object> programme(@PathVariable String code) {
        user.requireAnyOf(List.of(Roles.PMO, Roles.STEERING_COMMITTEE, Roles.AUDITOR));
        Map<String, Object> programme = new LinkedHashMap<>(repository.programme(code).orElseThrow(() ->
            new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("programme.notFound", code))));
        programme.put("phases", repository.phases(code));
        return programme;
    }
}
