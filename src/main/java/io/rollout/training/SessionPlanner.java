package io.rollout.training;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.Checked;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import io.rollout.training.TrainingRules.SessionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PlanSessions} (form {@code planSessions}) and {@code UserTask_ScheduleMakeUpSessions}
 * (the same form, showing its make-up texts): the dynamic list {@code sessions} — curriculum, kind (theory, practice,
 * case), topic, trainer, date, manual, video link. A trainer is a user of group {@code trainer} or a seed user of
 * the roster (their sessions count the same); a video link is an http(s) address. Planning replaces the planned
 * sessions and needs at least one per curriculum; make-up sessions are added (at least one) and kept apart. The rows
 * are checked by {@link TrainingRules#sessions}.
 *
 * <p>On create the list is prefilled with what is known: the planned sessions, or one row per curriculum to plan
 * its first session; for make-up sessions one row per curriculum that still has people to train, with the trainer
 * of its last session. Beside it come the curricula as the read-only table {@code curriculaTable} and the options of
 * the curriculum select ({@code curriculumOptions}) and of the trainer picker ({@code trainerOptions}).
 */
@Component("sessionPlanner")
class SessionPlanner extends FormTaskListener {

    static final String ROWS = "sessions";
    static final String MAKE_UP_TASK = "UserTask_ScheduleMakeUpSessions";

    private final CurriculumRepository curricula;
    private final TrainingRepository repository;
    private final RoleMembers members;
    private final Messages messages;
    private final TrainingForms forms;
    private final TrainingCoverage coverage;

    SessionPlanner(
            CurriculumRepository curricula,
            TrainingRepository repository,
            RoleMembers members,
            Messages messages,
            TrainingForms forms,
            TrainingCoverage coverage) {
        this.curricula = curricula;
        this.repository = repository;
        this.members = members;
        this.messages = messages;
        this.forms = forms;
        this.coverage = coverage;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Map<String, CurriculumRepository.Curriculum> byId = curricula(projectCode);
        task.setVariableLocal("curriculaTable", JsonRows.of(forms.curriculaTable(byId.values())));
        task.setVariableLocal("curriculumOptions", JsonRows.of(forms.curriculumOptions(byId.values())));
        task.setVariableLocal("trainerOptions", JsonRows.of(forms.trainerOptions(projectCode)));
        task.setVariableLocal(
                ROWS, JsonRows.of(makeUp(task) ? makeUpRows(projectCode, byId) : plannedRows(projectCode, byId)));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        boolean makeUp = makeUp(task);
        Map<String, CurriculumRepository.Curriculum> byName = curricula(projectCode).values().stream()
                .collect(Collectors.toMap(CurriculumRepository.Curriculum::name, Function.identity()));
        Set<String> seedUsers = repository.roster(projectCode).stream()
                .filter(Trainee::seedUser)
                .map(Trainee::userId)
                .collect(Collectors.toSet());
        Checked<List<CurriculumRepository.Session>> sessions = TrainingRules.sessions(
                JsonRows.read(TaskForms.submitted(task, ROWS)),
                new SessionContext(
                        byName,
                        trainer -> seedUsers.contains(trainer) || members.isIn(trainer, Roles.TRAINER),
                        makeUp));
        if (!sessions.valid()) {
            throw Problem.reject(messages, sessions.problems());
        }
        if (makeUp) {
            sessions.value().forEach(s -> curricula.add(projectCode, s));
        } else {
            curricula.replacePlannedSessions(projectCode, sessions.value());
        }
    }

    private static boolean makeUp(DelegateTask task) {
        return MAKE_UP_TASK.equals(task.getTaskDefinitionKey());
    }

    private Map<String, CurriculumRepository.Curriculum> curricula(String projectCode) {
        return curricula.curricula(projectCode).stream()
                .collect(Collectors.toMap(
                        CurriculumRepository.Curriculum::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The planned sessions, or, before any, one row per curriculum to plan its first session. */
    private List<Map<String, Object>> plannedRows(
            String projectCode, Map<String, CurriculumRepository.Curriculum> byId) {
        List<CurriculumRepository.Session> planned = curricula.sessions(projectCode).stream()
                .filter(s -> !s.makeUp())
                .toList();
        if (planned.isEmpty()) {
            return byId.values().stream().map(c -> row(c.name(), null)).toList();
        }
        return planned.stream()
                .map(s -> prefill(s, byId.get(s.curriculumId()).name()))
                .toList();
    }

    /** One row per curriculum that still has people to train, with the trainer who gave its last session. */
    private List<Map<String, Object>> makeUpRows(
            String projectCode, Map<String, CurriculumRepository.Curriculum> byId) {
        Set<String> untrained = coverage.of(projectCode).trainees().stream()
                .filter(t -> !t.trained())
                .map(TrainingCompletionRule.TraineeStatus::curriculum)
                .filter(c -> c != null)
                .collect(Collectors.toSet());
        Map<String, String> lastTrainer = new LinkedHashMap<>();
        curricula.sessions(projectCode).forEach(s -> lastTrainer.put(s.curriculumId(), s.trainer()));
        return byId.values().stream()
                .filter(c -> untrained.contains(c.name()))
                .map(c -> row(c.name(), lastTrainer.get(c.id())))
                .toList();
    }

    private static Map<String, Object> row(String curriculum, String trainer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("curriculum", curriculum);
        row.put("kind", null);
        row.put("topic", null);
        row.put("trainer", trainer);
        row.put("date", null);
        row.put("manual", null);
        row.put("videoLink", null);
        return row;
    }

    private static Map<String, Object> prefill(CurriculumRepository.Session s, String curriculum) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("curriculum", curriculum);
        row.put("kind", s.kind());
        row.put("topic", s.topic());
        row.put("trainer", s.trainer());
        row.put("date", s.date().toString());
        row.put("manual", s.manual());
        row.put("videoLink", s.videoLink());
        return row;
    }
}
