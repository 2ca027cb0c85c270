package io.rollout.programme;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.shared.Engine;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Programmes: {@code POST /api/programmes} (pmo) starts the {@code programme} process, which runs several
 * implementation projects as phases in sequence — the first starts now, each next one when the previous reaches
 * operations — exactly as its Tasklist start form does ({@link ProgrammeRegistration} checks both);
 * {@code GET /api/programmes/{code}} shows the phases and where they stand. A refused phase refuses the whole
 * programme with the reason; nothing is stored.
 */
@RestController
class ProgrammeController {

    /** A programme as posted. */
    record NewProgramme(String code, String name, String customer, String systemType, List<NewPhase> phases) {}

    /** One phase as posted: the project it runs. */
    record NewPhase(
            String projectCode,
            String projectName,
            List<String> departments,
            List<String> modules,
            List<String> datasets) {}

    private final ProgrammeRepository repository;
    private final RuntimeService runtime;
    private final Engine engine;
    private final CurrentUser user;
    private final Messages messages;

    ProgrammeController(
            ProgrammeRepository repository,
            RuntimeService runtime,
            Engine engine,
            CurrentUser user,
            Messages messages) {
        this.repository = repository;
        this.runtime = runtime;
        this.engine = engine;
        this.user = user;
        this.messages = messages;
    }

    @Transactional
    @PostMapping("/api/programmes")
    ResponseEntity<Map<String, Object>> start(@RequestBody NewProgramme body) {
        user.requireAnyOf(List.of(Roles.PMO));
        List<Map<String, Object>> phases = new ArrayList<>();
        for (NewPhase p : body.phases() == null ? List.<NewPhase>of() : body.phases()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("projectCode", p.projectCode());
            row.put("projectName", p.projectName());
            row.put("departments", p.departments() == null ? "" : String.join(",", p.departments()));
            row.put("modules", p.modules() == null ? "" : String.join(",", p.modules()));
            row.put("datasets", p.datasets() == null ? "" : String.join(",", p.datasets()));
            phases.add(row);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("programmeCode", body.code());
        variables.put("programmeName", body.name());
        variables.put("customer", body.customer());
        variables.put("systemType", body.systemType());
        variables.put("phases", JsonRows.of(phases));
        variables.put("programmeStartedBy", user.id());
        // the PMO's role was checked; the programme, like its start form in Tasklist, is checked by its start listener
        engine.asSystem(
                () -> runtime.startProcessInstanceByKey("programme", variables).getId());
        String code = body.code().trim().toUpperCase();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("code", code, "phases", phases.size()));
    }

    @GetMapping("/api/programmes/{code}")
    Map<String, Object> programme(@PathVariable String code) {
        user.requireAnyOf(List.of(Roles.PMO, Roles.STEERING_COMMITTEE, Roles.AUDITOR));
        Map<String, Object> programme = new LinkedHashMap<>(repository
                .programme(code)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("programme.notFound", code))));
        programme.put("phases", repository.phases(code));
        return programme;
    }
}
