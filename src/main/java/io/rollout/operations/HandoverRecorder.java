package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import io.rollout.training.TrainingStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Listener of {@code UserTask_HandOver} in {@code operationsPhase}. On create it prefills the grid
 * {@code moduleOwners} with the project's modules by name (and owners, administrators and runbooks named before), the
 * people who may be picked — {@code ownerOptions} (IT operations, business owners, key users) and
 * {@code administratorOptions} (IT operations trained and passed on the training roster) — and the table
 * {@code administratorStanding}, which says for everyone in IT operations whether they may administer a module and
 * why not. On complete it checks the handover with {@link HandoverRules} (the picks are checked again: REST is a side
 * door), replaces the project's {@code module_handover} and {@code module_administrator} rows and records decision
 * {@code operationsHandover}.
 *
 * <p>Reads {@code projectCode}, {@code moduleOwners} (rows module, internalOwner, administrators, runbookLink),
 * {@code knowledgeBaseLink}.
 */
@Component("handoverRecorder")
class HandoverRecorder extends FormTaskListener {

    static final String MODULE_OWNERS = "moduleOwners";
    /** Who may own a module: the customer's people, not the implementer's. */
    static final List<String> OWNER_ROLES = List.of(Roles.IT_OPERATIONS, Roles.BUSINESS_OWNER, Roles.KEY_USER);

    private final HandoverRules rules = new HandoverRules();
    private final OperationsRepository repository;
    private final TrainingStatus training;
    private final ProjectScope scope;
    private final RoleMembers members;
    private final Names names;
    private final DecisionLog decisions;
    private final Messages messages;

    HandoverRecorder(
            OperationsRepository repository,
            TrainingStatus training,
            ProjectScope scope,
            RoleMembers members,
            Names names,
            DecisionLog decisions,
            Messages messages) {
        this.repository = repository;
        this.training = training;
        this.scope = scope;
        this.members = members;
        this.names = names;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Map<String, TrainingStatus.Standing> standings = training.standings(projectCode);
        TaskForms.prefill(task, MODULE_OWNERS, JsonRows.of(ownerRows(projectCode, modules(projectCode))));
        TaskForms.prefill(task, "ownerOptions", JsonRows.of(members.choices(OWNER_ROLES, null)));
        List<Map<String, Object>> it = members.choices(List.of(Roles.IT_OPERATIONS), null);
        TaskForms.prefill(
                task,
                "administratorOptions",
                JsonRows.of(it.stream()
                        .filter(o -> whyNot(o.get("value").toString(), standings, messages::forRecord) == null)
                        .toList()));
        TaskForms.prefill(
                task,
                "administratorStanding",
                JsonRows.of(it.stream().map(o -> standingRow(o, standings)).toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Map<String, String> modules = modules(projectCode);
        String knowledgeBase = TaskForms.text(task, "knowledgeBaseLink");
        HandoverRules.Result result = rules.check(
                JsonRows.read(TaskForms.submitted(task, MODULE_OWNERS)),
                modules,
                knowledgeBase,
                people(training.standings(projectCode)));
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        String handedOverBy = TaskForms.currentUser(task);
        repository.replaceHandover(projectCode, result.owners(), knowledgeBase, handedOverBy);
        decisions.record(new Decision(
                projectCode,
                "operationsHandover",
                "internal IT",
                "handed-over",
                result.owners().stream()
                        .map(o -> messages.forRecord(
                                "operations.handover.finding",
                                modules.get(o.module()),
                                members.displayName(o.internalOwner()),
                                o.administrators().stream()
                                        .map(members::displayName)
                                        .collect(Collectors.joining(", "))))
                        .toList(),
                "knowledgeBase=" + knowledgeBase,
                handedOverBy,
                task.getProcessInstanceId()));
    }

    // the project's modules by code, with their display names
    private Map<String, String> modules(String projectCode) {
        Map<String, String> modules = new LinkedHashMap<>();
        scope.modules(projectCode).forEach(m -> modules.put(m, names.module(m)));
        return modules;
    }

    // what the handover rules ask of the people named, answered from the directory and the training roster
    private HandoverRules.People people(Map<String, TrainingStatus.Standing> standings) {
        return new HandoverRules.People() {
            @Override
            public boolean exists(String userId) {
                return members.exists(userId);
            }

            @Override
            public boolean mayOwn(String userId) {
                return OWNER_ROLES.stream().anyMatch(role -> members.isIn(userId, role));
            }

            @Override
            public String whyNotAdministrator(String userId) {
                return whyNot(userId, standings, messages::get);
            }

            @Override
            public String name(String userId) {
                return members.displayName(userId);
            }
        };
    }

    /**
     * Why someone may not administer a module, or {@code null} when they may: a member of IT operations, on the
     * training roster, trained and passed in the curriculum of their role.
     */
    private String whyNot(
            String userId, Map<String, TrainingStatus.Standing> standings, BiFunction<String, Object[], String> text) {
        if (!members.exists(userId)) {
            return text.apply("operations.handover.admin.unknown", new Object[0]);
        }
        if (!members.isIn(userId, Roles.IT_OPERATIONS)) {
            return text.apply("operations.handover.admin.notInIt", new Object[0]);
        }
        TrainingStatus.Standing standing = standings.get(userId);
        if (standing == null) {
            return text.apply("operations.handover.admin.notOnRoster", new Object[0]);
        }
        if (standing.trained()) {
            return null;
        }
        return text.apply(
                "operations.handover.admin." + camelCase(standing.gap()),
                new Object[] {standing.curriculum(), standing.bestScore(), standing.passMark()});
    }

    /** {@code BELOW_PASS_MARK} → {@code belowPassMark}, the form of our message keys. */
    static String camelCase(String constant) {
        StringBuilder key = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            key.append(key.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return key.toString();
    }

    private Map<String, Object> standingRow(
            Map<String, Object> option, Map<String, TrainingStatus.Standing> standings) {
        String userId = option.get("value").toString();
        String why = whyNot(userId, standings, messages::forRecord);
        TrainingStatus.Standing standing = standings.get(userId);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("person", option.get("label"));
        row.put("administers", messages.forRecord(why == null ? "operations.yes" : "operations.no"));
        row.put(
                "why",
                why != null
                        ? why
                        : messages.forRecord(
                                "operations.handover.admin.qualifies",
                                standing.curriculum(),
                                standing.bestScore(),
                                standing.passMark()));
        return row;
    }

    private List<Map<String, Object>> ownerRows(String projectCode, Map<String, String> modules) {
        Map<String, HandoverRules.ModuleOwner> named = repository.handover(projectCode).stream()
                .collect(Collectors.toMap(HandoverRules.ModuleOwner::module, Function.identity()));
        List<Map<String, Object>> rows = new ArrayList<>();
        modules.forEach((code, name) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            HandoverRules.ModuleOwner owner = named.get(code);
            row.put("module", name);
            row.put("internalOwner", owner == null ? null : owner.internalOwner());
            row.put("administrators", owner == null ? List.of() : owner.administrators());
            row.put("runbookLink", owner == null || owner.runbookLink() == null ? "" : owner.runbookLink());
            rows.add(row);
        });
        return rows;
    }
}
