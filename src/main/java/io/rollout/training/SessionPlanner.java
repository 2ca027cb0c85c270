package io.rollout.training;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PlanSessions} (form {@code planSessions}) and {@code UserTask_ScheduleMakeUpSessions}
 * (the same form, showing its make-up texts): the dynamic list {@code sessions} — curriculum, kind (theory, practice,
 * case), topic, trainer, date, manual, video link. A trainer is a user of group {@code trainer} or a seed user of
 * the roster (their sessions count the same); a video link is an http(s) address. Planning replaces the planned
 * sessions and needs at least one per curriculum; make-up sessions are added (at least one) and kept apart.
 *
 * <p>On create the list is prefilled with what is known: the planned sessions, or one row per curriculum to plan
 * its first session; for make-up sessions one row per curriculum that still has people to train, with the trainer
 * of its last session. Beside it come the curricula as the read-only table {@code curriculaTable} and the options of
 * the curriculum select ({@code curriculumOptions}) and of the trainer picker ({@code trainerOptions}).
 */
@Component("sessionPlanner")
class SessionPlanner implements TaskListener {

    static final String ROWS = "sessions";
    static final List<String> KINDS = List.of("theory", "practice", "case");
    static final String MAKE_UP_TASK = "UserTask_ScheduleMakeUpSessions";

    private final CurriculumRepository curricula;
    private final TrainingRepository repository;
    private final RoleMembers members;
    private final TrainingRows validator;
    private final Messages messages;
    private final TrainingForms forms;
    private final TrainingCoverage coverage;

    SessionPlanner(CurriculumRepository curricula, TrainingRepository repository, RoleMembers members,
                   TrainingRows validator, Messages messages, TrainingForms forms, TrainingCoverage coverage) {
        this.curricula = curricula;
        this.repository = repository;
        this.members = members;
        this.validator = validator;
        this.messages = messages;
        this.forms = forms;
        this.coverage = coverage;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        boolean makeUp = MAKE_UP_TASK.equals(task.getTaskDefinitionKey());
        Map<String, CurriculumRepository.Curriculum> byId = curricula.curricula(projectCode).stream()
            .collect(Collectors.toMap(CurriculumRepository.Curriculum::id, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("curriculaTable", JsonRows.of(forms.curriculaTable(byId.values())));
            task.setVariableLocal("curriculumOptions", JsonRows.of(forms.curriculumOptions(byId.values())));
            task.setVariableLocal("trainerOptions", JsonRows.of(forms.trainerOptions(projectCode)));
            task.setVariableLocal(ROWS, JsonRows.of(makeUp ? makeUpRows(projectCode, byId)
                : plannedRows(projectCode, byId)));
            return;
        }
        Map<String, CurriculumRepository.Curriculum> byName = byId.values().stream()
            .collect(Collectors.toMap(CurriculumRepository.Curriculum::name, Function.identity()));
        Set<String> seedUsers = repository.roster(projectCode).stream().filter(Trainee::seedUser)
            .map(Trainee::userId).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        List<CurriculumRepository.Session> sessions = new ArrayList<>();
        for (FormRow row : JsonRows.read(TaskForms.submitted(task, ROWS))) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            String name = row.text("curriculum");
            CurriculumRepository.Curriculum curriculum = name == null ? null : byName.get(name);
            if (name == null) {
                problems.add(messages.get("form.row.required", row.number(), validator.label("curriculumName")));
            } else if (curriculum == null) {
                problems.add(messages.get("training.session.unknownCurriculum", row.number(), name,
                    String.join(", ", byName.keySet())));
            }
            String kind = row.text("kind");
            if (kind == null) {
                problems.add(messages.get("form.row.required", row.number(), validator.label("kind")));
            } else if (!KINDS.contains(kind)) {
                problems.add(messages.get("form.row.choice", row.number(), validator.label("kind"),
                    String.join("/", KINDS), kind));
            }
            String topic = row.text("topic");
            if (topic == null) {
                problems.add(messages.get("form.row.required", row.number(), validator.label("topic")));
            } else if (topic.length() > 200) {
                problems.add(messages.get("training.row.tooLong", row.number(), validator.label("topic"), 200));
            }
            String trainer = row.text("trainer");
            if (trainer == null) {
                problems.add(messages.get("form.row.required", row.number(), validator.label("trainer")));
            } else if (!seedUsers.contains(trainer) && !members.isIn(trainer, Roles.TRAINER)) {
                problems.add(messages.get("training.session.trainer", row.number(), trainer));
            }
            LocalDate date = date(row, problems);
            String manual = row.text("manual");
            if (manual != null && manual.length() > 500) {
                problems.add(messages.get("training.row.tooLong", row.number(), validator.label("manual"), 500));
            }
            String video = row.text("videoLink");
            if (video != null && !isWebAddress(video)) {
                problems.add(messages.get("training.session.videoLink", row.number(), video));
            }
            if (problems.size() == before) {
                sessions.add(new CurriculumRepository.Session(null, curriculum.id(), kind, topic, trainer, date, manual,
                    video, makeUp));
            }
        }
        if (makeUp) {
            if (sessions.isEmpty() && problems.isEmpty()) {
                problems.add(messages.get("training.session.noMakeUp"));
            }
        } else {
            Set<String> planned = sessions.stream().map(CurriculumRepository.Session::curriculumId)
                .collect(Collectors.toSet());
            byId.values().stream().filter(c -> !planned.contains(c.id()))
                .forEach(c -> problems.add(messages.get("training.session.curriculumWithout", c.name())));
        }
        FormInput.refuseIfAny(problems);
        if (makeUp) {
            sessions.forEach(s -> curricula.add(projectCode, s));
        } else {
            curricula.replacePlannedSessions(projectCode, sessions);
        }
    }

    private LocalDate date(FormRow row, List<String> problems) {
        String text = row.text("date");
        if (text == null) {
            problems.add(messages.get("form.row.required", row.number(), validator.label("sessionDate")));
            return null;
        }
        try {
            return row.date("date");
        } catch (DateTimeParseException e) {
            problems.add(messages.get("form.row.date", row.number(), validator.label("sessionDate"), text));
            return null;
        }
    }

    static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                || "https".equalsIgnoreCase(uri.getScheme())) && text.length() <= 500;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The planned sessions, or, before any, one row per curriculum to plan its first session. */
    private List<Map<String, Object>> plannedRows(String projectCode,
                                                  Map<String, CurriculumRepository.Curriculum> byId) {
        List<CurriculumRepository.Session> planned = curricula.sessions(projectCode).stream()
            .filter(s -> !s.makeUp()).toList();
        if (planned.isEmpty()) {
            return byId.values().stream().map(c -> row(c.name(), null)).toList();
        }
        return planned.stream().map(s -> prefill(s, byId.get(s.curriculumId()).name())).toList();
    }

    /** One row per curriculum that still has people to train, with the trainer who gave its last session. */
    private List<Map<String, Object>> makeUpRows(String projectCode,
                                                 Map<String, CurriculumRepository.Curriculum> byId) {
        Set<String> untrained = coverage.of(projectCode).trainees().stream().filter(t -> !t.trained())
            .map(TrainingCompletionRule.TraineeStatus::curriculum).filter(c -> c != null).collect(Collectors.toSet());
        Map<String, String> lastTrainer = new LinkedHashMap<>();
        curricula.sessions(projectCode).forEach(s -> lastTrainer.put(s.curriculumId(), s.trainer()));
        return byId.values().stream().filter(c -> untrained.contains(c.name()))
            .map(c -> row(c.name(), lastTrainer.get(c.id()))).toList();
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
