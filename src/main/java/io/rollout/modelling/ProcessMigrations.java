package io.rollout.modelling;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.Engine;
import io.rollout.shared.Messages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moves running instances of a model to another version of it, as a process owner decides after redeploying a
 * phase from Modeler: a plan (activities mapped where their ids match, the owner's own mappings on top), a dry run
 * that migrates each instance in a transaction that is rolled back and reports why an instance would fail, then
 * the migration as one of the engine's batches. Every migration is recorded ({@code process_migration}) and, for
 * each project whose instances it moves, in the project's decision log — when it is asked for and when the batch
 * has ended. Engine calls run as the process owner, so Camunda's authorizations and operation log apply.
 */
@Service
class ProcessMigrations {

    static final String DECISION = "processMigration";
    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    /** What a process owner asks for; versions default to "the only other version" and "the latest". */
    record Request(String processDefinitionKey, Integer sourceVersion, Integer targetVersion, List<Mapping> mappings,
                   List<String> processInstanceIds) {
    }

    /** Map a source activity to a target activity; no target removes a generated mapping. */
    record Mapping(String source, String target) {
    }

    record Version(String id, String key, int version, String versionTag, long runningInstances) {
    }

    /** One mapping; {@code waiting}: instances of the source version in that activity now. */
    record Instruction(String source, String sourceName, String target, String targetName, boolean generated,
                       long waiting) {
    }

    /** An activity of one side that the plan does not map, with the instances waiting in it (source side). */
    record Activity(String id, String name, long waiting) {
    }

    /** The plan; {@code targetActivities} lists every activity of the target a source activity may be mapped to. */
    record PlanView(Version source, Version target, List<Instruction> instructions, List<Activity> unmapped,
                    List<Activity> added, List<Activity> targetActivities) {
    }

    record InstanceCheck(String processInstanceId, String businessKey, boolean migratable, List<String> failures) {
    }

    record DryRun(PlanView plan, List<InstanceCheck> instances, long migratable, long failing) {
    }

    record Status(long id, String processKey, int sourceVersion, int targetVersion, String instructions,
                  String batchId, String requestedBy, Instant requestedAt, String status, int instances,
                  Integer migrated, Instant finishedAt, List<String> failures) {
    }

    /** A checked plan, with the names of the source version's activities for the dry run's reports. */
    private record Prepared(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan, PlanView view,
                            Map<String, String> sourceNames) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final JdbcClient jdbc;
    private final DecisionLog decisions;
    private final ProjectRepository projects;
    private final Engine engine;
    private final Messages messages;
    private final Clock clock;
    private final TransactionTemplate separate;
    private final TransactionTemplate joined;

    ProcessMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
                      HistoryService history, JdbcClient jdbc, DecisionLog decisions, ProjectRepository projects,
                      Engine engine,
                      Messages messages, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.projects = projects;
        this.engine = engine;
        this.messages = messages;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
    }

    /** Every model with its versions and how many instances run on each, newest version last. */
    Map<String, List<Version>> definitions() {
        Map<String, List<Version>> byKey = new TreeMap<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
                .orderByProcessDefinitionVersion().asc().list()) {
            byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(version(d));
        }
        return byKey;
    }

    PlanView plan(Request request) {
        return prepare(request).view();
    }

    DryRun dryRun(Request request) {
        Prepared prepared = prepare(request);
        List<InstanceCheck> checks = checks(request, prepared);
        long migratable = checks.stream().filter(InstanceCheck::migratable).count();
        return new DryRun(prepared.view(), checks, migratable, checks.size() - migratable);
    }

    /**
     * Starts the migration as a batch if the dry run finds every chosen instance migratable; otherwise refuses with
     * the instances and reasons (409), and nothing is migrated.
     */
    Status migrate(Request request, String requestedBy) {
        Prepared prepared = prepare(request);
        List<InstanceCheck> checks = checks(request, prepared);
        if (checks.isEmpty()) {
            throw messages.reject("modelling.migration.noInstances", prepared.source().getKey(),
                prepared.source().getVersion());
        }
        List<String> refused = checks.stream().filter(c -> !c.migratable())
            .map(c -> c.processInstanceId() + " (" + c.businessKey() + "): " + String.join("; ", c.failures()))
            .toList();
        if (!refused.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                messages.get("modelling.migration.wouldFail", refused.size(), String.join("\n", refused)));
        }
        return joined.execute(status -> {
            Batch batch = runtime.newMigration(prepared.plan())
                .processInstanceIds(checks.stream().map(InstanceCheck::processInstanceId).toList())
                .executeAsync();
            Instant at = Instant.now(clock);
            String instructions = describe(prepared.view().instructions());
            jdbc.sql("""
                    insert into process_migration (process_key, source_definition_id, source_version,
                        target_definition_id, target_version, instructions, batch_id, requested_by, requested_at, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running')""")
                .params(prepared.source().getKey(), prepared.source().getId(), prepared.source().getVersion(),
                    prepared.target().getId(), prepared.target().getVersion(), truncate(instructions), batch.getId(),
                    requestedBy, Timestamp.from(at))
                .update();
            long id = jdbc.sql("select id from process_migration where batch_id = ?").param(batch.getId())
                .query(Long.class).single();
            for (InstanceCheck c : checks) {
                jdbc.sql("insert into process_migration_instance (migration_id, process_instance_id, business_key) "
                        + "values (?, ?, ?)")
                    .params(id, c.processInstanceId(), c.businessKey()).update();
            }
            recordPerProject(checks, "requested", prepared.source().getKey(), prepared.source().getVersion(),
                prepared.target().getVersion(), List.of(messages.forRecord("modelling.migration.record.requested",
                    batch.getId(), instructions)), requestedBy);
            return status(id);
        });
    }

    List<Status> list() {
        refresh();
        return jdbc.sql("select id from process_migration order by id desc").query(Long.class).list().stream()
            .map(this::status).toList();
    }

    Status get(long id) {
        refresh();
        return status(id);
    }

    /**
     * Closes every migration whose batch has ended: counts the instances now on the target version and records the
     * outcome in each project's decision log. The conditional update lets only one node record it.
     */
    @Scheduled(fixedDelayString = "${rollout.modelling.migration-check-interval:PT15S}")
    void refresh() {
        List<Map<String, Object>> running = jdbc.sql(
            "select id, batch_id, target_definition_id, process_key, source_version, target_version "
                + "from process_migration where status = 'running'").query().listOfRows();
        for (Map<String, Object> m : running) {
            String batchId = (String) m.get("batch_id");
            boolean ended = engine.asSystem(() -> {
                HistoricBatch h = history.createHistoricBatchQuery().batchId(batchId).singleResult();
                return management.createBatchQuery().batchId(batchId).count() == 0 && h != null && h.getEndTime() != null;
            });
            if (ended) {
                close(((Number) m.get("id")).longValue(), (String) m.get("target_definition_id"),
                    (String) m.get("process_key"), ((Number) m.get("source_version")).intValue(),
                    ((Number) m.get("target_version")).intValue());
            }
        }
    }

    private void close(long id, String targetDefinitionId, String key, int sourceVersion, int targetVersion) {
        joined.executeWithoutResult(status -> {
            List<InstanceCheck> instances = instancesOf(id);
            // an instance that ended while the batch ran is no failure: it has nothing left to migrate
            Map<String, String> stillRunning = engine.asSystem(() -> runtime.createProcessInstanceQuery()
                .processInstanceIds(instances.stream().map(InstanceCheck::processInstanceId).collect(Collectors.toSet()))
                .list().stream().collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getProcessDefinitionId)));
            Set<String> onTarget = stillRunning.entrySet().stream()
                .filter(e -> e.getValue().equals(targetDefinitionId)).map(Map.Entry::getKey).collect(Collectors.toSet());
            long notMigrated = stillRunning.size() - onTarget.size();
            String outcome = notMigrated == 0 ? "completed" : "incomplete";
            int updated = jdbc.sql("update process_migration set status = ?, finished_at = ?, migrated = ? "
                    + "where id = ? and status = 'running'")
                .params(outcome, Timestamp.from(Instant.now(clock)), onTarget.size(), id).update();
            if (updated != 1) {
                return;
            }
            for (Map.Entry<String, List<InstanceCheck>> project : byProject(instances).entrySet()) {
                List<String> findings = new ArrayList<>();
                for (InstanceCheck c : project.getValue()) {
                    String code = onTarget.contains(c.processInstanceId()) ? "modelling.migration.record.onTarget"
                        : stillRunning.containsKey(c.processInstanceId()) ? "modelling.migration.record.notMigrated"
                        : "modelling.migration.record.ended";
                    findings.add(messages.forRecord(code, c.processInstanceId(), targetVersion, sourceVersion));
                }
                record(project.getKey(), project.getValue().get(0).processInstanceId(), outcome, key, sourceVersion,
                    targetVersion, findings, DecisionLog.SYSTEM);
            }
        });
    }

    private Status status(long id) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select id, process_key, source_version, target_version, instructions, batch_id, requested_by,
                       requested_at, status, finished_at, migrated
                from process_migration where id = ?""").param(id).query().listOfRows();
        if (rows.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("modelling.migration.notFound", id));
        }
        Map<String, Object> row = rows.get(0);
        String batchId = (String) row.get("batch_id");
        List<String> failures = "running".equals(row.get("status")) ? engine.asSystem(() -> {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return List.<String>of();
            }
            return management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withException().list()
                .stream().map(Job::getExceptionMessage).distinct().toList();
        }) : List.of();
        return new Status(id, (String) row.get("process_key"), ((Number) row.get("source_version")).intValue(),
            ((Number) row.get("target_version")).intValue(), (String) row.get("instructions"), batchId,
            (String) row.get("requested_by"), ((Timestamp) row.get("requested_at")).toInstant(),
            failures.isEmpty() ? (String) row.get("status") : "failing", instancesOf(id).size(),
            row.get("migrated") == null ? null : ((Number) row.get("migrated")).intValue(),
            row.get("finished_at") == null ? null : ((Timestamp) row.get("finished_at")).toInstant(), failures);
    }

    private List<InstanceCheck> instancesOf(long id) {
        return jdbc.sql("select process_instance_id, business_key from process_migration_instance "
                + "where migration_id = ? order by process_instance_id").param(id)
            .query((rs, n) -> new InstanceCheck(rs.getString(1), rs.getString(2), true, List.of())).list();
    }

    // --- the plan -------------------------------------------------------------------------------------------------

    private Prepared prepare(Request request) {
        if (request == null || request.processDefinitionKey() == null || request.processDefinitionKey().isBlank()) {
            throw messages.reject("modelling.migration.keyMissing");
        }
        String key = request.processDefinitionKey().trim();
        List<ProcessDefinition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
            .orderByProcessDefinitionVersion().asc().list();
        if (versions.isEmpty()) {
            throw messages.reject("modelling.migration.unknownKey", key);
        }
        ProcessDefinition target = request.targetVersion() == null ? versions.get(versions.size() - 1)
            : pick(versions, key, request.targetVersion());
        ProcessDefinition source = request.sourceVersion() != null ? pick(versions, key, request.sourceVersion())
            : versions.size() == 2 ? versions.get(0) : null;
        if (source == null) {
            throw messages.reject("modelling.migration.sourceMissing", key,
                versions.stream().map(v -> String.valueOf(v.getVersion())).collect(Collectors.joining(", ")));
        }
        if (source.getId().equals(target.getId())) {
            throw messages.reject("modelling.migration.sameVersion", key, source.getVersion());
        }
        Map<String, String> names = new HashMap<>();
        Map<String, String> targetNames = new HashMap<>();
        activities(source, names);
        activities(target, targetNames);

        Map<String, MigrationInstruction> generated = new LinkedHashMap<>();
        try {
            runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers()
                .build().getInstructions().forEach(i -> generated.put(i.getSourceActivityId(), i));
        } catch (MigrationPlanValidationException e) {
            // mapping by id found nothing that can migrate: the owner's own mappings may still make a plan
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        generated.forEach((s, i) -> mapping.put(s, i.getTargetActivityId()));
        List<String> unknown = new ArrayList<>();
        for (Mapping m : request.mappings() == null ? List.<Mapping>of() : request.mappings()) {
            if (m == null || m.source() == null || !names.containsKey(m.source())) {
                unknown.add(messages.get("modelling.migration.unknownSource", m == null ? null : m.source(),
                    source.getVersion()));
            } else if (m.target() == null || m.target().isBlank()) {
                mapping.remove(m.source());
            } else if (!targetNames.containsKey(m.target())) {
                unknown.add(messages.get("modelling.migration.unknownTarget", m.target(), target.getVersion()));
            } else {
                mapping.put(m.source(), m.target());
            }
        }
        if (!unknown.isEmpty()) {
            throw messages.reject("modelling.migration.badMappings", String.join("\n", unknown));
        }
        MigrationPlan plan;
        try {
            MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
            for (Map.Entry<String, String> m : mapping.entrySet()) {
                MigrationInstruction auto = generated.get(m.getKey());
                builder = auto != null && auto.getTargetActivityId().equals(m.getValue()) && auto.isUpdateEventTrigger()
                    ? builder.mapActivities(m.getKey(), m.getValue()).updateEventTrigger()
                    : builder.mapActivities(m.getKey(), m.getValue());
            }
            plan = builder.build();
        } catch (MigrationPlanValidationException e) {
            List<String> problems = new ArrayList<>();
            for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
                MigrationInstruction i = r.getMigrationInstruction();
                problems.add(i.getSourceActivityId() + " → " + i.getTargetActivityId() + ": "
                    + String.join("; ", r.getFailures()));
            }
            throw messages.reject("modelling.migration.invalidPlan", String.join("\n", problems));
        }

        Map<String, Long> waiting = new HashMap<>();
        for (ActivityStatistics s : management.createActivityStatisticsQuery(source.getId()).list()) {
            waiting.put(s.getId(), (long) s.getInstances());
        }
        List<Instruction> instructions = new ArrayList<>();
        for (MigrationInstruction i : plan.getInstructions()) {
            MigrationInstruction auto = generated.get(i.getSourceActivityId());
            instructions.add(new Instruction(i.getSourceActivityId(), names.get(i.getSourceActivityId()),
                i.getTargetActivityId(), targetNames.get(i.getTargetActivityId()),
                auto != null && auto.getTargetActivityId().equals(i.getTargetActivityId()),
                waiting.getOrDefault(i.getSourceActivityId(), 0L)));
        }
        instructions.sort(java.util.Comparator.comparingLong(Instruction::waiting).reversed()
            .thenComparing(Instruction::sourceName));
        Set<String> mappedSources = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
            .collect(Collectors.toSet());
        Set<String> mappedTargets = plan.getInstructions().stream().map(MigrationInstruction::getTargetActivityId)
            .collect(Collectors.toSet());
        Set<String> sourceWaitStates = waitStates(source);
        List<Activity> unmapped = names.entrySet().stream().filter(e -> !mappedSources.contains(e.getKey()))
            .filter(e -> sourceWaitStates.contains(e.getKey()) || waiting.getOrDefault(e.getKey(), 0L) > 0)
            .map(e -> new Activity(e.getKey(), e.getValue(), waiting.getOrDefault(e.getKey(), 0L)))
            .sorted((a, b) -> Long.compare(b.waiting(), a.waiting())).toList();
        Set<String> targetWaitStates = waitStates(target);
        List<Activity> added = targetNames.entrySet().stream().filter(e -> !mappedTargets.contains(e.getKey())
                && !names.containsKey(e.getKey()) && targetWaitStates.contains(e.getKey()))
            .map(e -> new Activity(e.getKey(), e.getValue(), 0)).sorted((a, b) -> a.id().compareTo(b.id())).toList();
        List<Activity> targetActivities = targetNames.entrySet().stream().filter(e -> targetWaitStates.contains(e.getKey()))
            .map(e -> new Activity(e.getKey(), e.getValue(), 0)).sorted((a, b) -> a.name().compareTo(b.name())).toList();
        PlanView view = new PlanView(version(source), version(target), instructions, unmapped, added, targetActivities);
        return new Prepared(source, target, plan, view, names);
    }

    private ProcessDefinition pick(List<ProcessDefinition> versions, String key, int version) {
        return versions.stream().filter(v -> v.getVersion() == version).findFirst()
            .orElseThrow(() -> messages.reject("modelling.migration.unknownVersion", key, version));
    }

    /**
     * The activities of a version by id with their names; a multi-instance activity also has its body
     * ({@code id#multiInstanceBody}), which the engine migrates as an activity of its own.
     */
    private void activities(ProcessDefinition definition, Map<String, String> names) {
        for (FlowNode node : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)) {
            String name = node.getName() == null ? node.getId() : node.getName();
            names.put(node.getId(), name);
            if (node instanceof org.camunda.bpm.model.bpmn.instance.Activity a
                && a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics) {
                names.put(node.getId() + MULTI_INSTANCE_BODY, messages.get("modelling.migration.multiInstanceBody", name));
            }
        }
    }

    /**
     * Activities an instance can wait in, which a plan maps: tasks, sub-processes, call activities, catching events,
     * event-based gateways, anything asynchronous, multi-instance bodies. Gateways, start and end events and
     * synchronous steps are passed through and need no mapping.
     */
    private Set<String> waitStates(ProcessDefinition definition) {
        Set<String> ids = new java.util.HashSet<>();
        for (FlowNode node : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)) {
            boolean async = node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter();
            if (async || node instanceof UserTask || node instanceof ReceiveTask || node instanceof SubProcess
                    || node instanceof CallActivity || node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent
                    || node instanceof EventBasedGateway || node instanceof ParallelGateway || node instanceof InclusiveGateway
                    || node instanceof StartEvent && node.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent()) {
                ids.add(node.getId());
            }
            if (node instanceof org.camunda.bpm.model.bpmn.instance.Activity a
                && a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics) {
                ids.add(node.getId() + MULTI_INSTANCE_BODY);
            }
        }
        return ids;
    }

    private Version version(ProcessDefinition d) {
        return new Version(d.getId(), d.getKey(), d.getVersion(), d.getVersionTag(),
            runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count());
    }

    // --- the dry run ----------------------------------------------------------------------------------------------

    /** The dry run of the chosen instances, or of every instance of the source version when none are chosen. */
    private List<InstanceCheck> checks(Request request, Prepared prepared) {
        List<String> ids = request.processInstanceIds() != null && !request.processInstanceIds().isEmpty()
            ? request.processInstanceIds().stream().distinct().toList()
            : runtime.createProcessInstanceQuery().processDefinitionId(prepared.source().getId())
                .orderByProcessInstanceId().asc().list().stream().map(ProcessInstance::getId).toList();
        return ids.stream().map(id -> check(id, prepared)).toList();
    }

    /** Migrates one instance for real and rolls it back: whatever the engine would refuse, it refuses here. */
    private InstanceCheck check(String id, Prepared prepared) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        if (instance == null) {
            return new InstanceCheck(id, null, false, List.of(messages.get("modelling.migration.notRunning", id)));
        }
        if (!instance.getProcessDefinitionId().equals(prepared.source().getId())) {
            return new InstanceCheck(id, instance.getBusinessKey(), false, List.of(messages.get(
                "modelling.migration.otherVersion", prepared.source().getKey(), prepared.source().getVersion())));
        }
        List<String> failures = separate.execute(status -> {
            try {
                runtime.newMigration(prepared.plan()).processInstanceIds(id).execute();
                return List.<String>of();
            } catch (MigratingProcessInstanceValidationException e) {
                return failures(e, prepared);
            } catch (ProcessEngineException e) {
                return List.of(e.getMessage());
            } finally {
                status.setRollbackOnly();
            }
        });
        return new InstanceCheck(id, instance.getBusinessKey(), failures.isEmpty(), failures);
    }

    private List<String> failures(MigratingProcessInstanceValidationException e, Prepared prepared) {
        Map<String, String> names = prepared.sourceNames();
        List<String> failures = new ArrayList<>(e.getValidationReport().getFailures());
        for (MigratingActivityInstanceValidationReport r : e.getValidationReport().getActivityInstanceReports()) {
            r.getFailures().forEach(f -> failures.add(activity(r.getSourceScopeId(), names) + ": " + f));
        }
        for (MigratingTransitionInstanceValidationReport r : e.getValidationReport().getTransitionInstanceReports()) {
            r.getFailures().forEach(f -> failures.add(activity(r.getSourceScopeId(), names) + ": " + f));
        }
        return failures;
    }

    private static String activity(String id, Map<String, String> names) {
        String name = names.get(id);
        return name == null || name.equals(id) ? id : id + " \"" + name + "\"";
    }

    // --- the record -----------------------------------------------------------------------------------------------

    private void recordPerProject(List<InstanceCheck> instances, String outcome, String key, int sourceVersion,
                                  int targetVersion, List<String> findings, String by) {
        for (Map.Entry<String, List<InstanceCheck>> project : byProject(instances).entrySet()) {
            List<String> lines = new ArrayList<>(findings);
            project.getValue().forEach(c -> lines.add(messages.forRecord("modelling.migration.record.instance",
                c.processInstanceId())));
            record(project.getKey(), project.getValue().get(0).processInstanceId(), outcome, key, sourceVersion,
                targetVersion, lines, by);
        }
    }

    /** Instances by the project they belong to (business key = project code); others are in process_migration only. */
    private Map<String, List<InstanceCheck>> byProject(List<InstanceCheck> instances) {
        Map<String, List<InstanceCheck>> byProject = new TreeMap<>();
        for (InstanceCheck c : instances) {
            if (c.businessKey() != null && projects.exists(c.businessKey())) {
                byProject.computeIfAbsent(c.businessKey(), k -> new ArrayList<>()).add(c);
            }
        }
        return byProject;
    }

    private void record(String project, String processInstanceId, String outcome, String key, int sourceVersion,
                        int targetVersion, List<String> findings, String by) {
        decisions.record(new Decision(project, DECISION, key + " v" + sourceVersion + " → v" + targetVersion, outcome,
            findings, null, by, processInstanceId));
    }

    /** The plan in one line: how many activities keep their id, and every mapping that does not. */
    private String describe(List<Instruction> instructions) {
        long same = instructions.stream().filter(i -> i.source().equals(i.target())).count();
        List<String> moved = instructions.stream().filter(i -> !i.source().equals(i.target()))
            .map(i -> i.source() + " → " + i.target()).toList();
        return messages.forRecord("modelling.migration.record.plan", same, moved.isEmpty() ? "-" : String.join(", ", moved));
    }

    private static String truncate(String text) {
        return text.length() <= 8000 ? text : text.substring(0, 7997) + "...";
    }
}
