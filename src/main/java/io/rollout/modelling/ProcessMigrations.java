package io.rollout.modelling;

import io.rollout.modelling.MigrationPlanner.Prepared;
import io.rollout.shared.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moves running instances of a model to another version of it, as a process owner decides after redeploying a
 * phase from Modeler: a plan (activities mapped where their ids match, the owner's own mappings on top), a dry run
 * that migrates each instance in a transaction that is rolled back and reports why an instance would fail, then
 * the migration as one of the engine's batches. Every migration is recorded ({@code process_migration}) and, for
 * each project whose instances it moves, in the project's decision log — when it is asked for and when the batch
 * has ended. Engine calls run as the process owner, so Camunda's authorizations and operation log apply.
 *
 * <p>The steps each have their class: {@link MigrationPlanner} makes the plan (with {@link ModelActivities}),
 * {@link InstanceChecks} the dry run, {@link MigrationBatches} runs and follows the engine's batch,
 * {@link ProcessMigrationRepository} and {@link MigrationRecords} keep the record, {@link MigrationClosing} closes a
 * migration whose batch has ended. This class is what {@link ProcessMigrationController} answers with.
 */
@Service
class ProcessMigrations {

    static final String DECISION = "processMigration";

    /** What a process owner asks for; versions default to "the only other version" and "the latest". */
    record Request(
            String processDefinitionKey,
            Integer sourceVersion,
            Integer targetVersion,
            List<Mapping> mappings,
            List<String> processInstanceIds) {}

    /** Map a source activity to a target activity; no target removes a generated mapping. */
    record Mapping(String source, String target) {}

    record Version(String id, String key, int version, String versionTag, long runningInstances) {}

    /** One mapping; {@code waiting}: instances of the source version in that activity now. */
    record Instruction(
            String source, String sourceName, String target, String targetName, boolean generated, long waiting) {}

    /** An activity of one side that the plan does not map, with the instances waiting in it (source side). */
    record Activity(String id, String name, long waiting) {}

    /** The plan; {@code targetActivities} lists every activity of the target a source activity may be mapped to. */
    record PlanView(
            Version source,
            Version target,
            List<Instruction> instructions,
            List<Activity> unmapped,
            List<Activity> added,
            List<Activity> targetActivities) {}

    record InstanceCheck(String processInstanceId, String businessKey, boolean migratable, List<String> failures) {}

    record DryRun(PlanView plan, List<InstanceCheck> instances, long migratable, long failing) {}

    record Status(
            long id,
            String processKey,
            int sourceVersion,
            int targetVersion,
            String instructions,
            String batchId,
            String requestedBy,
            Instant requestedAt,
            String status,
            int instances,
            Integer migrated,
            Instant finishedAt,
            List<String> failures) {}

    private final MigrationPlanner planner;
    private final InstanceChecks checks;
    private final MigrationBatches batches;
    private final MigrationRecords records;
    private final MigrationClosing closing;
    private final ProcessMigrationRepository migrations;
    private final Messages messages;
    private final Clock clock;
    private final TransactionTemplate joined;

    ProcessMigrations(
            MigrationPlanner planner,
            InstanceChecks checks,
            MigrationBatches batches,
            MigrationRecords records,
            MigrationClosing closing,
            ProcessMigrationRepository migrations,
            Messages messages,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.planner = planner;
        this.checks = checks;
        this.batches = batches;
        this.records = records;
        this.closing = closing;
        this.migrations = migrations;
        this.messages = messages;
        this.clock = clock;
        this.joined = new TransactionTemplate(transactions);
    }

    /** Every model with its versions and how many instances run on each, newest version last. */
    Map<String, List<Version>> definitions() {
        return planner.definitions();
    }

    PlanView plan(Request request) {
        return planner.prepare(request).view();
    }

    DryRun dryRun(Request request) {
        Prepared prepared = planner.prepare(request);
        List<InstanceCheck> checked = checks.of(request, prepared);
        long migratable = checked.stream().filter(InstanceCheck::migratable).count();
        return new DryRun(prepared.view(), checked, migratable, checked.size() - migratable);
    }

    /**
     * Starts the migration as a batch if the dry run finds every chosen instance migratable; otherwise refuses with
     * the instances and reasons (409), and nothing is migrated.
     */
    Status migrate(Request request, String requestedBy) {
        Prepared prepared = planner.prepare(request);
        List<InstanceCheck> checked = checks.of(request, prepared);
        refuseUnlessEveryInstanceMigrates(prepared, checked);
        return joined.execute(status -> start(prepared, checked, requestedBy));
    }

    List<Status> list() {
        closing.refresh();
        return migrations.ids().stream().map(this::status).toList();
    }

    Status get(long id) {
        closing.refresh();
        return status(id);
    }

    private void refuseUnlessEveryInstanceMigrates(Prepared prepared, List<InstanceCheck> checked) {
        if (checked.isEmpty()) {
            throw messages.reject(
                    "modelling.migration.noInstances",
                    prepared.source().getKey(),
                    prepared.source().getVersion());
        }
        List<String> refused = checked.stream()
                .filter(c -> !c.migratable())
                .map(c -> c.processInstanceId() + " (" + c.businessKey() + "): " + String.join("; ", c.failures()))
                .toList();
        if (!refused.isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    messages.get("modelling.migration.wouldFail", refused.size(), String.join("\n", refused)));
        }
    }

    private Status start(Prepared prepared, List<InstanceCheck> checked, String requestedBy) {
        String batchId = batches.start(
                prepared.plan(),
                checked.stream().map(InstanceCheck::processInstanceId).toList());
        String instructions = records.describe(prepared.view().instructions());
        long id = migrations.add(
                new ProcessMigrationRepository.NewMigration(
                        prepared.source().getKey(),
                        prepared.source().getId(),
                        prepared.source().getVersion(),
                        prepared.target().getId(),
                        prepared.target().getVersion(),
                        instructions,
                        batchId,
                        requestedBy,
                        Instant.now(clock)),
                checked);
        records.requested(checked, prepared, batchId, instructions, requestedBy);
        return status(id);
    }

    /** A migration as stored; while it runs, {@code failing} when a job of its batch fails, with the reasons. */
    private Status status(long id) {
        ProcessMigrationRepository.Stored m = migrations
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, messages.get("modelling.migration.notFound", id)));
        List<String> failures = "running".equals(m.status()) ? batches.failures(m.batchId()) : List.of();
        return new Status(
                id,
                m.processKey(),
                m.sourceVersion(),
                m.targetVersion(),
                m.instructions(),
                m.batchId(),
                m.requestedBy(),
                m.requestedAt(),
                failures.isEmpty() ? m.status() : "failing",
                migrations.instances(id).size(),
                m.migrated(),
                m.finishedAt(),
                failures);
    }
}
