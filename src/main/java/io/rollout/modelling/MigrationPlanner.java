package io.rollout.modelling;

import io.rollout.modelling.ProcessMigrations.Activity;
import io.rollout.modelling.ProcessMigrations.Instruction;
import io.rollout.modelling.ProcessMigrations.Mapping;
import io.rollout.modelling.ProcessMigrations.PlanView;
import io.rollout.modelling.ProcessMigrations.Request;
import io.rollout.modelling.ProcessMigrations.Version;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Plans a migration from what a process owner asks for: the two versions (the only other one and the latest when not
 * named), the activities mapped where their ids match with the owner's own mappings on top, checked by the engine,
 * and the view of it the owner reads: how many instances wait in each mapped activity, which activities stay
 * unmapped and which the target adds. Refuses (400) a request it cannot make a plan of, naming why.
 */
@Component
class MigrationPlanner {

    /** A checked plan, with the names of the source version's activities for the dry run's reports. */
    record Prepared(
            ProcessDefinition source,
            ProcessDefinition target,
            MigrationPlan plan,
            PlanView view,
            Map<String, String> sourceNames) {}

    /** The two versions of a plan with their activities by id and name. */
    private record Sides(
            ProcessDefinition source,
            ProcessDefinition target,
            Map<String, String> sourceNames,
            Map<String, String> targetNames) {}

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ModelActivities activities;
    private final Messages messages;

    MigrationPlanner(
            RepositoryService repository,
            RuntimeService runtime,
            ManagementService management,
            ModelActivities activities,
            Messages messages) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.activities = activities;
        this.messages = messages;
    }

    /** Every model with its versions and how many instances run on each, newest version last. */
    Map<String, List<Version>> definitions() {
        Map<String, List<Version>> byKey = new TreeMap<>();
        for (ProcessDefinition d : repository
                .createProcessDefinitionQuery()
                .orderByProcessDefinitionKey()
                .asc()
                .orderByProcessDefinitionVersion()
                .asc()
                .list()) {
            byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(version(d));
        }
        return byKey;
    }

    Prepared prepare(Request request) {
        Sides sides = sides(request);
        Map<String, MigrationInstruction> generated = generated(sides);
        Map<String, String> mapping = mapping(request, sides, generated);
        MigrationPlan plan = build(sides, mapping, generated);
        PlanView view = view(sides, plan, generated);
        return new Prepared(sides.source(), sides.target(), plan, view, sides.sourceNames());
    }

    // --- the versions ---------------------------------------------------------------------------------------------

    private Sides sides(Request request) {
        if (request == null
                || request.processDefinitionKey() == null
                || request.processDefinitionKey().isBlank()) {
            throw messages.reject("modelling.migration.keyMissing");
        }
        String key = request.processDefinitionKey().trim();
        List<ProcessDefinition> versions = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .orderByProcessDefinitionVersion()
                .asc()
                .list();
        if (versions.isEmpty()) {
            throw messages.reject("modelling.migration.unknownKey", key);
        }
        ProcessDefinition target = request.targetVersion() == null
                ? versions.get(versions.size() - 1)
                : pick(versions, key, request.targetVersion());
        ProcessDefinition source = request.sourceVersion() != null
                ? pick(versions, key, request.sourceVersion())
                : versions.size() == 2 ? versions.get(0) : null;
        if (source == null) {
            throw messages.reject(
                    "modelling.migration.sourceMissing",
                    key,
                    versions.stream().map(v -> String.valueOf(v.getVersion())).collect(Collectors.joining(", ")));
        }
        if (source.getId().equals(target.getId())) {
            throw messages.reject("modelling.migration.sameVersion", key, source.getVersion());
        }
        return new Sides(source, target, activities.names(source), activities.names(target));
    }

    private ProcessDefinition pick(List<ProcessDefinition> versions, String key, int version) {
        return versions.stream()
                .filter(v -> v.getVersion() == version)
                .findFirst()
                .orElseThrow(() -> messages.reject("modelling.migration.unknownVersion", key, version));
    }

    Version version(ProcessDefinition d) {
        return new Version(
                d.getId(),
                d.getKey(),
                d.getVersion(),
                d.getVersionTag(),
                runtime.createProcessInstanceQuery()
                        .processDefinitionId(d.getId())
                        .count());
    }

    // --- the mappings ---------------------------------------------------------------------------------------------

    /** The engine's own mappings of activities whose ids match, by source activity. */
    private Map<String, MigrationInstruction> generated(Sides sides) {
        Map<String, MigrationInstruction> generated = new LinkedHashMap<>();
        try {
            runtime.createMigrationPlan(sides.source().getId(), sides.target().getId())
                    .mapEqualActivities()
                    .updateEventTriggers()
                    .build()
                    .getInstructions()
                    .forEach(i -> generated.put(i.getSourceActivityId(), i));
        } catch (MigrationPlanValidationException e) {
            // mapping by id found nothing that can migrate: the owner's own mappings may still make a plan
        }
        return generated;
    }

    /** The generated mappings with the owner's on top: a mapping without target removes the generated one. */
    private Map<String, String> mapping(Request request, Sides sides, Map<String, MigrationInstruction> generated) {
        Map<String, String> mapping = new LinkedHashMap<>();
        generated.forEach((s, i) -> mapping.put(s, i.getTargetActivityId()));
        List<String> unknown = new ArrayList<>();
        for (Mapping m : request.mappings() == null ? List.<Mapping>of() : request.mappings()) {
            if (m == null || m.source() == null || !sides.sourceNames().containsKey(m.source())) {
                unknown.add(messages.get(
                        "modelling.migration.unknownSource",
                        m == null ? null : m.source(),
                        sides.source().getVersion()));
            } else if (m.target() == null || m.target().isBlank()) {
                mapping.remove(m.source());
            } else if (!sides.targetNames().containsKey(m.target())) {
                unknown.add(messages.get(
                        "modelling.migration.unknownTarget",
                        m.target(),
                        sides.target().getVersion()));
            } else {
                mapping.put(m.source(), m.target());
            }
        }
        if (!unknown.isEmpty()) {
            throw messages.reject("modelling.migration.badMappings", String.join("\n", unknown));
        }
        return mapping;
    }

    /** The engine's plan of the mappings; a generated mapping keeps its event trigger update. */
    private MigrationPlan build(Sides sides, Map<String, String> mapping, Map<String, MigrationInstruction> generated) {
        try {
            MigrationPlanBuilder builder = runtime.createMigrationPlan(
                    sides.source().getId(), sides.target().getId());
            for (Map.Entry<String, String> m : mapping.entrySet()) {
                MigrationInstruction auto = generated.get(m.getKey());
                builder = auto != null && auto.getTargetActivityId().equals(m.getValue()) && auto.isUpdateEventTrigger()
                        ? builder.mapActivities(m.getKey(), m.getValue()).updateEventTrigger()
                        : builder.mapActivities(m.getKey(), m.getValue());
            }
            return builder.build();
        } catch (MigrationPlanValidationException e) {
            List<String> problems = new ArrayList<>();
            for (MigrationInstructionValidationReport r :
                    e.getValidationReport().getInstructionReports()) {
                MigrationInstruction i = r.getMigrationInstruction();
                problems.add(i.getSourceActivityId() + " → " + i.getTargetActivityId() + ": "
                        + String.join("; ", r.getFailures()));
            }
            throw messages.reject("modelling.migration.invalidPlan", String.join("\n", problems));
        }
    }

    // --- the view -------------------------------------------------------------------------------------------------

    private PlanView view(Sides sides, MigrationPlan plan, Map<String, MigrationInstruction> generated) {
        Map<String, Long> waiting = new HashMap<>();
        for (ActivityStatistics s :
                management.createActivityStatisticsQuery(sides.source().getId()).list()) {
            waiting.put(s.getId(), (long) s.getInstances());
        }
        return new PlanView(
                version(sides.source()),
                version(sides.target()),
                instructions(sides, plan, generated, waiting),
                unmapped(sides, plan, waiting),
                added(sides, plan),
                targetActivities(sides));
    }

    /** The plan's mappings, those with the most instances waiting first. */
    private List<Instruction> instructions(
            Sides sides, MigrationPlan plan, Map<String, MigrationInstruction> generated, Map<String, Long> waiting) {
        List<Instruction> instructions = new ArrayList<>();
        for (MigrationInstruction i : plan.getInstructions()) {
            MigrationInstruction auto = generated.get(i.getSourceActivityId());
            instructions.add(new Instruction(
                    i.getSourceActivityId(),
                    sides.sourceNames().get(i.getSourceActivityId()),
                    i.getTargetActivityId(),
                    sides.targetNames().get(i.getTargetActivityId()),
                    auto != null && auto.getTargetActivityId().equals(i.getTargetActivityId()),
                    waiting.getOrDefault(i.getSourceActivityId(), 0L)));
        }
        instructions.sort(
                Comparator.comparingLong(Instruction::waiting).reversed().thenComparing(Instruction::sourceName));
        return instructions;
    }

    /** Source activities the plan leaves out that an instance waits or can wait in, most instances first. */
    private List<Activity> unmapped(Sides sides, MigrationPlan plan, Map<String, Long> waiting) {
        Set<String> mapped = plan.getInstructions().stream()
                .map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        Set<String> waitStates = activities.waitStates(sides.source());
        return sides.sourceNames().entrySet().stream()
                .filter(e -> !mapped.contains(e.getKey()))
                .filter(e -> waitStates.contains(e.getKey()) || waiting.getOrDefault(e.getKey(), 0L) > 0)
                .map(e -> new Activity(e.getKey(), e.getValue(), waiting.getOrDefault(e.getKey(), 0L)))
                .sorted((a, b) -> Long.compare(b.waiting(), a.waiting()))
                .toList();
    }

    /** Wait states of the target that are new in it and that no mapping leads to. */
    private List<Activity> added(Sides sides, MigrationPlan plan) {
        Set<String> mapped = plan.getInstructions().stream()
                .map(MigrationInstruction::getTargetActivityId)
                .collect(Collectors.toSet());
        Set<String> waitStates = activities.waitStates(sides.target());
        return sides.targetNames().entrySet().stream()
                .filter(e -> !mapped.contains(e.getKey())
                        && !sides.sourceNames().containsKey(e.getKey())
                        && waitStates.contains(e.getKey()))
                .map(e -> new Activity(e.getKey(), e.getValue(), 0))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    /** Every wait state of the target, which a source activity may be mapped to, by name. */
    private List<Activity> targetActivities(Sides sides) {
        Set<String> waitStates = activities.waitStates(sides.target());
        return sides.targetNames().entrySet().stream()
                .filter(e -> waitStates.contains(e.getKey()))
                .map(e -> new Activity(e.getKey(), e.getValue(), 0))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }
}
