package io.rollout.training;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.Dates;
import io.rollout.shared.Messages;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * What the training forms show and offer beside their lists, prefilled by the task listeners when a task is created:
 * the curricula and the sessions as read-only tables, the curricula as the options of a course select, and the people
 * who may give a session as the options of a trainer picker. Texts are in the language of stored texts
 * (English, rendered per reader by {@code Translations}), as the completion check's findings.
 */
@Component
class TrainingForms {

    private final CurriculumRepository curricula;
    private final TrainingRepository repository;
    private final RoleMembers members;
    private final Messages messages;

    TrainingForms(
            CurriculumRepository curricula, TrainingRepository repository, RoleMembers members, Messages messages) {
        this.curricula = curricula;
        this.repository = repository;
        this.members = members;
        this.messages = messages;
    }

    /** The curricula as rows of the read-only table {@code curriculaTable}. */
    List<Map<String, Object>> curriculaTable(Collection<CurriculumRepository.Curriculum> planned) {
        return planned.stream()
                .map(c -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", c.id());
                    row.put("name", c.name());
                    row.put("role", c.role());
                    row.put(
                            "department",
                            c.department() == null
                                    ? messages.forRecord("training.curriculum.everyDepartment")
                                    : c.department());
                    row.put("passMark", c.passMark());
                    return row;
                })
                .toList();
    }

    /** The curricula as select options: the course a session or an attendance record belongs to, by name. */
    List<Map<String, Object>> curriculumOptions(Collection<CurriculumRepository.Curriculum> planned) {
        return planned.stream()
                .map(c -> Map.<String, Object>of("label", c.name(), "value", c.name()))
                .toList();
    }

    /**
     * Who may give a session, as select options by display name: the users of the group {@code trainer} and the
     * seed users of the roster (key users who train their colleagues), each once, sorted by label.
     */
    List<Map<String, Object>> trainerOptions(String projectCode) {
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        members.choices(List.of(Roles.TRAINER), null)
                .forEach(o -> byId.put(o.get("value").toString(), o));
        repository.roster(projectCode).stream()
                .filter(Trainee::seedUser)
                .map(Trainee::userId)
                .filter(id -> id != null && !byId.containsKey(id))
                .forEach(id -> byId.put(
                        id,
                        Map.of(
                                "label",
                                messages.forRecord("training.trainer.seedUser", members.displayName(id), id),
                                "value",
                                id)));
        return byId.values().stream()
                .sorted(Comparator.comparing(o -> o.get("label").toString()))
                .toList();
    }

    /** The sessions of the project, by date, as rows of the read-only table {@code sessionsTable}. */
    List<Map<String, Object>> sessionsTable(String projectCode) {
        Map<String, String> names = new LinkedHashMap<>();
        curricula.curricula(projectCode).forEach(c -> names.put(c.id(), c.name()));
        return curricula.sessions(projectCode).stream()
                .map(s -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("date", Dates.date(s.date()));
                    row.put("curriculum", names.getOrDefault(s.curriculumId(), s.curriculumId()));
                    row.put(
                            "kind",
                            messages.forRecord("training.kind." + s.kind())
                                    + (s.makeUp() ? messages.forRecord("training.session.makeUpMark") : ""));
                    row.put("topic", s.topic());
                    row.put("trainer", members.displayName(s.trainer()));
                    return row;
                })
                .toList();
    }
}
