package io.rollout.tasksheet;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.shared.Engine;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finds the sheet of a task for the current user and reads or replaces its rows. Who may: the task's assignee, or —
 * while nobody has claimed it — one of its candidate users or a member of a candidate group, decided by the engine's
 * task query under the user's own authorizations; auditors never upload. The rows are read through the engine's
 * task service as the user and written by the application (the user works on the task, {@code TASK_WORK}, and may
 * not write its variables), where the form's listener keeps them: a task-local variable, or a variable of the task's
 * execution (the requirement tables).
 */
@Service
class TaskSheets {

    /**
     * The rows a task's list holds at most: the forms show 100 rows of a list ({@code nonCollapsedItems}), and
     * Tasklist submits only the rows it shows.
     */
    static final int MAX_ROWS = 100;

    private final Map<String, TaskSheet> byForm;
    private final TaskService tasks;
    private final CurrentUser user;
    private final Messages messages;
    private final Engine engine;

    TaskSheets(List<TaskSheet> sheets, TaskService tasks, CurrentUser user, Messages messages, Engine engine) {
        this.engine = engine;
        this.byForm = sheets.stream().collect(Collectors.toMap(TaskSheet::form, Function.identity()));
        this.tasks = tasks;
        this.user = user;
        this.messages = messages;
    }

    /** A task the user may work on and its sheet. */
    record Open(SheetTask task, TaskSheet sheet) {}

    /**
     * The task and its sheet: 403 for an auditor who wants to change it, 404 for no such open task, 403 when the user
     * may not work on it, 404 when its form has no sheet.
     */
    Open open(String taskId, boolean toChange) {
        if (toChange && !user.inAnyOf(Roles.WORKING)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, messages.get("tasksheet.readOnly"));
        }
        Task task = user.readAsApplication(() ->
                tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
        if (task == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("tasksheet.task.notFound", taskId));
        }
        String me = user.id();
        // candidates only while the task is unclaimed: taskCandidateUser leaves assigned tasks out
        boolean mine = tasks.createTaskQuery()
                        .taskId(taskId)
                        .or()
                        .taskAssignee(me)
                        .taskCandidateUser(me)
                        .endOr()
                        .count()
                == 1;
        if (!mine) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    task.getAssignee() != null
                            ? messages.get("tasksheet.task.claimed", task.getName(), task.getAssignee())
                            : messages.get("tasksheet.task.notYours", task.getName()));
        }
        TaskSheet sheet = task.getCamundaFormRef() == null
                ? null
                : byForm.get(task.getCamundaFormRef().getKey());
        if (sheet == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("tasksheet.none", task.getName()));
        }
        Object code = tasks.getVariable(taskId, "projectCode");
        return new Open(
                new SheetTask(
                        taskId,
                        task.getName(),
                        code == null ? null : code.toString(),
                        name -> tasks.getVariable(taskId, name)),
                sheet);
    }

    /** The task's rows as a workbook with headers in the user's language. */
    byte[] workbook(Open open) {
        TaskSheet sheet = open.sheet();
        List<Map<String, Object>> rows = sheet.download(
                open.task(), JsonRows.read(tasks.getVariable(open.task().id(), sheet.variable())));
        return SheetWorkbook.write(sheet.fileName(), sheet.columns(), rows, chinese());
    }

    /** The file name of the download, e.g. {@code requirements-ERP-2026-01.xlsx}. */
    String fileName(Open open) {
        String code = open.task().projectCode();
        return open.sheet().fileName() + (code == null ? "" : "-" + code) + ".xlsx";
    }

    /**
     * Replaces the task's rows with those of a file, or refuses it with every problem and changes nothing.
     *
     * @return the rows loaded and the rows skipped
     * @throws org.camunda.bpm.engine.BadUserRequestException naming every problem
     */
    TaskSheet.Upload upload(Open open, byte[] file) {
        TaskSheet sheet = open.sheet();
        TaskSheet.Upload upload = sheet.read(open.task(), file);
        FormInput.refuseIfAny(upload.problems());
        if (upload.rows().size() > MAX_ROWS) {
            throw messages.reject("tasksheet.file.tooManyRows", upload.rows().size(), MAX_ROWS);
        }
        String id = open.task().id();
        // where the form's listener put the list: on the task, else on the task's execution (the engine finds it
        // there when set through the task); never as a new process-level variable
        // the user works on the task but may not write its variables (TASK_WORK): the rows are a field of its form,
        // checked above as the form's listener checks them, so the application writes them
        engine.asSystem(() -> {
            if (tasks.getVariableLocal(id, sheet.variable()) == null
                    && tasks.getVariable(id, sheet.variable()) != null) {
                tasks.setVariable(id, sheet.variable(), JsonRows.of(upload.rows()));
            } else {
                tasks.setVariableLocal(id, sheet.variable(), JsonRows.of(upload.rows()));
            }
            return null;
        });
        return upload;
    }

    private static boolean chinese() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
