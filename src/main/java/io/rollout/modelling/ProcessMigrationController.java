package io.rollout.modelling;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Migration of running instances for process owners (and administrators): {@code GET
 * /api/process-migrations/definitions} lists models, versions and running instances; {@code POST .../plan} shows
 * the generated plan, {@code POST .../dry-run} which instances would fail and why, {@code POST
 * /api/process-migrations} starts the batch, {@code GET /api/process-migrations[/{id}]} follows it. The page
 * {@code /process-migration/} is a front end to exactly these calls.
 */
@RestController
class ProcessMigrationController {

    static final List<String> ALLOWED = List.of(Roles.PROCESS_OWNER, Roles.ADMIN);

    private final ProcessMigrations migrations;
    private final CurrentUser user;

    ProcessMigrationController(ProcessMigrations migrations, CurrentUser user) {
        this.migrations = migrations;
        this.user = user;
    }

    @GetMapping("/api/process-migrations/definitions")
    Map<String, List<ProcessMigrations.Version>> definitions() {
        user.requireAnyOf(ALLOWED);
        return migrations.definitions();
    }

    @PostMapping("/api/process-migrations/plan")
    ProcessMigrations.PlanView plan(@RequestBody ProcessMigrations.Request request) {
        user.requireAnyOf(ALLOWED);
        return migrations.plan(request);
    }

    @PostMapping("/api/process-migrations/dry-run")
    ProcessMigrations.DryRun dryRun(@RequestBody ProcessMigrations.Request request) {
        user.requireAnyOf(ALLOWED);
        return migrations.dryRun(request);
    }

    @PostMapping("/api/process-migrations")
    ResponseEntity<ProcessMigrations.Status> migrate(@RequestBody ProcessMigrations.Request request) {
        user.requireAnyOf(ALLOWED);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(migrations.migrate(request, user.id()));
    }

    @GetMapping("/api/process-migrations")
    List<ProcessMigrations.Status> list() {
        user.requireAnyOf(ALLOWED);
        return migrations.list();
    }

    @GetMapping("/api/process-migrations/{id}")
    ProcessMigrations.Status get(@PathVariable long id) {
        user.requireAnyOf(ALLOWED);
        return migrations.get(id);
    }
}
