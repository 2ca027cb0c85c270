package io.rollout.modelling;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.shared.Translations;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * {@code /process-migration/} is a front end to exactly these calls. Activity names, which the models carry in
 * English, come in the reader's language ({@link Translations}); ids, keys and the engine's own reports do not.
 */
@RestController
class ProcessMigrationController {

    static final List<String> ALLOWED = List.of(Roles.PROCESS_OWNER, Roles.ADMIN);

    private final ProcessMigrations migrations;
    private final CurrentUser user;
    private final Translations translations;

    ProcessMigrationController(ProcessMigrations migrations, CurrentUser user, Translations translations) {
        this.migrations = migrations;
        this.user = user;
        this.translations = translations;
    }

    @GetMapping("/api/process-migrations/definitions")
    Map<String, List<ProcessMigrations.Version>> definitions() {
        user.requireAnyOf(ALLOWED);
        return migrations.definitions();
    }

    @PostMapping("/api/process-migrations/plan")
    ProcessMigrations.PlanView plan(@RequestBody ProcessMigrations.Request request) {
        user.requireAnyOf(ALLOWED);
        return translated(migrations.plan(request));
    }

    @PostMapping("/api/process-migrations/dry-run")
    ProcessMigrations.DryRun dryRun(@RequestBody ProcessMigrations.Request request) {
        user.requireAnyOf(ALLOWED);
        ProcessMigrations.DryRun dryRun = migrations.dryRun(request);
        return new ProcessMigrations.DryRun(
                translated(dryRun.plan()), dryRun.instances(), dryRun.migratable(), dryRun.failing());
    }

    @PostMapping("/api/process-migrations")
    ResponseEntity<ProcessMigrations.Status> migrate(@RequestBody ProcessMigrations.Request request) {
        user.requireAnyOf(ALLOWED);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(translated(migrations.migrate(request, user.id())));
    }

    @GetMapping("/api/process-migrations")
    List<ProcessMigrations.Status> list() {
        user.requireAnyOf(ALLOWED);
        return migrations.list().stream().map(this::translated).toList();
    }

    @GetMapping("/api/process-migrations/{id}")
    ProcessMigrations.Status get(@PathVariable long id) {
        user.requireAnyOf(ALLOWED);
        return translated(migrations.get(id));
    }

    // the plan as recorded (modelling.migration.record.plan, stored in English) in the reader's language
    private ProcessMigrations.Status translated(ProcessMigrations.Status m) {
        Locale reader = LocaleContextHolder.getLocale();
        return new ProcessMigrations.Status(
                m.id(),
                m.processKey(),
                m.sourceVersion(),
                m.targetVersion(),
                text(m.instructions(), reader),
                m.batchId(),
                m.requestedBy(),
                m.requestedAt(),
                m.status(),
                m.instances(),
                m.migrated(),
                m.finishedAt(),
                m.failures());
    }

    private ProcessMigrations.PlanView translated(ProcessMigrations.PlanView plan) {
        Locale reader = LocaleContextHolder.getLocale();
        return new ProcessMigrations.PlanView(
                plan.source(),
                plan.target(),
                plan.instructions().stream()
                        .map(i -> new ProcessMigrations.Instruction(
                                i.source(),
                                text(i.sourceName(), reader),
                                i.target(),
                                text(i.targetName(), reader),
                                i.generated(),
                                i.waiting()))
                        .toList(),
                translated(plan.unmapped(), reader),
                translated(plan.added(), reader),
                translated(plan.targetActivities(), reader));
    }

    private List<ProcessMigrations.Activity> translated(List<ProcessMigrations.Activity> activities, Locale reader) {
        return activities.stream()
                .map(a -> new ProcessMigrations.Activity(a.id(), text(a.name(), reader), a.waiting()))
                .toList();
    }

    private String text(String english, Locale reader) {
        return english == null || english.isBlank() ? english : translations.text(english, reader);
    }
}
