package io.rollout.training;

import io.rollout.shared.Checked;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the training forms must submit before anything is stored: the curricula of {@code UserTask_PlanTraining}
 * (named once, one per role and department, a pass mark from 0 to 100) and how they fit the roster (every role of
 * the roster has a curriculum, every curriculum a role on the roster); the sessions of {@code UserTask_PlanSessions}
 * and {@code UserTask_ScheduleMakeUpSessions} (a curriculum of the project, a kind, a topic, a trainer, a date, an
 * http(s) video link; planning covers every curriculum, make-up schedules at least one); and which rows of
 * {@code UserTask_RecordAttendance} belong to the roster and its courses. Problems name the row. Plain rule: no
 * engine, no Spring.
 */
final class TrainingRules {

    static final List<String> KINDS = List.of("theory", "practice", "case");
    static final int MAX_TOPIC = 200;
    static final int MAX_MANUAL = 500;
    static final int MAX_LINK = 500;
    static final int MAX_DESCRIPTION = 2000;

    /**
     * What sessions are checked against.
     *
     * @param curricula the project's curricula by name (the form's curriculum select shows names)
     * @param trainer   whether a user may give a session: a user of group {@code trainer} or a seed user of the roster
     * @param makeUp    make-up sessions (added, at least one) rather than the plan (replaced, one per curriculum)
     */
    record SessionContext(
            Map<String, CurriculumRepository.Curriculum> curricula, Predicate<String> trainer, boolean makeUp) {}

    private TrainingRules() {}

    /** Checks the sessions of the plan or of the make-up schedule; blank rows are skipped. */
    static Checked<List<CurriculumRepository.Session>> sessions(List<FormRow> rows, SessionContext context) {
        List<Problem> problems = new ArrayList<>();
        List<CurriculumRepository.Session> sessions = new ArrayList<>();
        for (FormRow row : rows) {
            if (!row.isBlank()) {
                CurriculumRepository.Session session = session(row, context, problems);
                if (session != null) {
                    sessions.add(session);
                }
            }
        }
        if (context.makeUp()) {
            if (sessions.isEmpty() && problems.isEmpty()) {
                problems.add(new Problem("training.session.noMakeUp"));
            }
        } else {
            Set<String> planned = sessions.stream()
                    .map(CurriculumRepository.Session::curriculumId)
                    .collect(Collectors.toSet());
            context.curricula().values().stream()
                    .filter(c -> !planned.contains(c.id()))
                    .forEach(c -> problems.add(new Problem("training.session.curriculumWithout", c.name())));
        }
        return Checked.of(List.copyOf(sessions), problems);
    }

    /** The session of a row, or {@code null} after adding its problems. */
    private static CurriculumRepository.Session session(FormRow row, SessionContext context, List<Problem> problems) {
        int before = problems.size();
        String name = row.text("curriculum");
        CurriculumRepository.Curriculum curriculum =
                name == null ? null : context.curricula().get(name);
        if (name == null) {
            problems.add(required(row, "curriculumName"));
        } else if (curriculum == null) {
            problems.add(new Problem(
                    "training.session.unknownCurriculum",
                    row.number(),
                    name,
                    String.join(", ", context.curricula().keySet())));
        }
        String kind = row.text("kind");
        if (kind == null) {
            problems.add(required(row, "kind"));
        } else if (!KINDS.contains(kind)) {
            problems.add(new Problem("form.row.choice", row.number(), label("kind"), String.join("/", KINDS), kind));
        }
        String topic = text(row, "topic", "topic", MAX_TOPIC, true, problems);
        String trainer = row.text("trainer");
        if (trainer == null) {
            problems.add(required(row, "trainer"));
        } else if (!context.trainer().test(trainer)) {
            problems.add(new Problem("training.session.trainer", row.number(), trainer));
        }
        LocalDate date = date(row, problems);
        String manual = text(row, "manual", "manual", MAX_MANUAL, false, problems);
        String video = row.text("videoLink");
        if (video != null && !isWebAddress(video)) {
            problems.add(new Problem("training.session.videoLink", row.number(), video));
        }
        return problems.size() > before
                ? null
                : new CurriculumRepository.Session(
                        null, curriculum.id(), kind, topic, trainer, date, manual, video, context.makeUp());
    }

    private static LocalDate date(FormRow row, List<Problem> problems) {
        String text = row.text("date");
        if (text == null) {
            problems.add(required(row, "sessionDate"));
            return null;
        }
        try {
            return row.date("date");
        } catch (DateTimeParseException e) {
            problems.add(new Problem("form.row.date", row.number(), label("sessionDate"), text));
            return null;
        }
    }

    /** Whether a text is an http(s) address of at most {@link #MAX_LINK} characters. */
    static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && text.length() <= MAX_LINK;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Checks the curricula of the training plan; a curriculum without id gets the next free {@code CUR-nn}, one
     * without pass mark the project's {@code defaultPassMark}. Blank rows are skipped ({@link #fit} needs one).
     */
    static Checked<List<CurriculumRepository.Curriculum>> curricula(List<FormRow> rows, int defaultPassMark) {
        List<Problem> problems = new ArrayList<>();
        List<CurriculumRepository.Curriculum> planned = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> scopes = new HashSet<>();
        int next = 1;
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            String name = curriculumName(row, names, problems);
            String role = row.text("role");
            String department = row.text("department");
            scope(row, role, department, scopes, problems);
            Integer passMark = passMark(row, defaultPassMark, problems);
            String description = text(row, "description", "description", MAX_DESCRIPTION, false, problems);
            if (problems.size() > before) {
                continue;
            }
            String id = row.text("curriculumId");
            while (id == null && ids.contains("CUR-%02d".formatted(next))) {
                next++;
            }
            String curriculumId = id == null ? "CUR-%02d".formatted(next++) : id;
            if (!ids.add(curriculumId)) {
                problems.add(new Problem("training.curriculum.duplicateId", row.number(), curriculumId));
                continue;
            }
            planned.add(
                    new CurriculumRepository.Curriculum(curriculumId, name, role, department, passMark, description));
        }
        return Checked.of(List.copyOf(planned), problems);
    }

    private static String curriculumName(FormRow row, Set<String> names, List<Problem> problems) {
        String name = row.text("name");
        if (name == null) {
            problems.add(required(row, "curriculumName"));
        } else if (name.length() > TrainingRows.MAX_COURSE) {
            problems.add(new Problem(
                    "training.row.tooLong", row.number(), label("curriculumName"), TrainingRows.MAX_COURSE));
        } else if (!names.add(name)) {
            problems.add(new Problem("training.curriculum.duplicateName", row.number(), name));
        }
        return name;
    }

    /** A curriculum is for a role (in one department or in all): one curriculum per role and department. */
    private static void scope(FormRow row, String role, String department, Set<String> scopes, List<Problem> problems) {
        if (role == null) {
            problems.add(required(row, "role"));
        } else if (!scopes.add(role + "|" + department)) {
            problems.add(new Problem(
                    "training.curriculum.duplicateScope", row.number(), role, department == null ? "-" : department));
        }
    }

    private static Integer passMark(FormRow row, int defaultPassMark, List<Problem> problems) {
        if (row.text("passMark") == null) {
            return defaultPassMark;
        }
        try {
            Integer passMark = row.integer("passMark");
            if (passMark < 0 || passMark > 100) {
                problems.add(new Problem("training.row.scoreRange", row.number(), row.text("passMark")));
            }
            return passMark;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Problem("form.row.number", row.number(), label("passMark"), row.text("passMark")));
            return defaultPassMark;
        }
    }

    /**
     * How valid curricula fit the valid roster: there is at least one curriculum, every role (and department) of the
     * roster has one, and every curriculum is for a role on the roster.
     */
    static List<Problem> fit(List<Trainee> roster, List<CurriculumRepository.Curriculum> planned) {
        if (planned.isEmpty()) {
            return List.of(new Problem("training.curriculum.none"));
        }
        List<Problem> problems = new ArrayList<>();
        List<TrainingCompletionRule.Curriculum> forRule =
                planned.stream().map(CurriculumRepository.Curriculum::forRule).toList();
        Set<String> rolesWithout = new LinkedHashSet<>();
        roster.stream()
                .filter(t -> TrainingCompletionRule.curriculumOf(t, forRule).isEmpty())
                .forEach(t -> rolesWithout.add(t.role() + (t.department() == null ? "" : " (" + t.department() + ")")));
        rolesWithout.forEach(r -> problems.add(new Problem("training.curriculum.missingForRole", r)));
        Set<String> roles = new HashSet<>(roster.stream().map(Trainee::role).toList());
        planned.stream()
                .filter(c -> !roles.contains(c.role()))
                .forEach(c -> problems.add(new Problem("training.curriculum.roleNotOnRoster", c.name(), c.role())));
        return problems;
    }

    /** Whether an attendance row records nothing: no date, not attended, no score (the trainee is left out). */
    static boolean nothingRecorded(FormRow row) {
        return row.text("sessionDate") == null && !row.bool("attended") && row.text("score") == null;
    }

    /** The problem of an attendance row's trainee, if any: the employee id is missing or not on the roster. */
    static Problem attendee(FormRow row, Set<String> roster) {
        String employeeId = row.text("employeeId");
        if (employeeId == null) {
            return required(row, "employeeId");
        }
        return roster.contains(employeeId) ? null : new Problem("training.row.notInRoster", row.number(), employeeId);
    }

    /** The problem of an attendance row's course, if any: it is not a curriculum of the project. */
    static Problem course(FormRow row, String course, Collection<String> courses) {
        return courses.contains(course)
                ? null
                : new Problem("training.row.unknownCourse", row.number(), course, String.join(", ", courses));
    }

    private static String text(
            FormRow row, String key, String field, int max, boolean required, List<Problem> problems) {
        String value = row.text(key);
        if (value == null && required) {
            problems.add(required(row, field));
        } else if (value != null && value.length() > max) {
            problems.add(new Problem("training.row.tooLong", row.number(), label(field), max));
        }
        return value;
    }

    private static Problem required(FormRow row, String field) {
        return new Problem("form.row.required", row.number(), label(field));
    }

    private static Label label(String field) {
        return new Label("training.field." + field);
    }
}
