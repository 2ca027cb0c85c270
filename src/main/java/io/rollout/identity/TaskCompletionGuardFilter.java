package io.rollout.identity;

import static io.rollout.identity.EngineApiRefusals.readAtMost;
import static io.rollout.identity.EngineApiRefusals.refuse;
import static jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST;
import static jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN;

import io.rollout.identity.TaskCompletionGuard.Action;
import io.rollout.identity.TaskCompletionGuard.Body;
import io.rollout.identity.TaskCompletionGuard.Target;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Servlet filter in front of the engine REST API and the web apps' engine API that applies
 * {@link TaskCompletionGuard}: a task's {@code complete}, {@code submit-form} or {@code resolve} whose variables are
 * not all fields of the task's form, or a process start whose variables are not all fields of its start form,
 * answers 400 naming them; {@code bpmnError} and {@code bpmnEscalation} on a task, a start with start instructions
 * or skipped listeners, a restart, and a claim for another user answer 403. Nothing reaches the engine then. Administrators
 * ({@code camunda-admin}) pass. The body is read once and handed on in a buffered request.
 */
class TaskCompletionGuardFilter extends HttpFilter {

    /** Room for a form's lists and an uploaded file (Tasklist sends files as Base64 in the JSON). */
    static final int MAX_BODY_BYTES = 128 * 1024 * 1024;

    private final TaskCompletionGuard guard;
    private final TaskFormFields forms;
    private final ProcessEngineConfigurationImpl engine;
    private final IdentityService identity;

    TaskCompletionGuardFilter(TaskCompletionGuard guard, TaskFormFields forms, ProcessEngineConfigurationImpl engine) {
        this.guard = guard;
        this.forms = forms;
        this.engine = engine;
        this.identity = engine.getIdentityService();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Target> found = "POST".equalsIgnoreCase(request.getMethod()) ? guard.target(path) : Optional.empty();
        Optional<Authentication> user = found.isEmpty() ? Optional.empty() : user(request);
        if (found.isEmpty() || user.map(TaskCompletionGuardFilter::isAdmin).orElse(false)) {
            chain.doFilter(request, response);
            return;
        }
        Target target = found.get();
        String self = user.map(Authentication::getUserId).orElse(null);
        switch (target.action()) {
            case THROW -> refuse(request, response, SC_FORBIDDEN, "security.taskForm.noThrow");
            case RESTART -> refuse(request, response, SC_FORBIDDEN, "security.startForm.noRestart");
            case UNCLAIM -> unclaim(request, response, chain, target, self);
            default -> withBody(request, response, chain, target, self);
        }
    }

    private void unclaim(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, Target target, String self)
            throws IOException, ServletException {
        if (self != null && giveBack(target.taskId(), self)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            // not the assignee's own task: the engine decides (403 without TASK_ASSIGN)
            chain.doFilter(request, response);
        }
    }

    // a claim, a completion or a start: the body is read once here and handed on buffered
    private void withBody(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, Target target, String self)
            throws IOException, ServletException {
        byte[] bytes = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (bytes == null) {
            refuse(request, response, SC_BAD_REQUEST, "security.taskForm.tooLarge", String.valueOf(MAX_BODY_BYTES));
        } else if (target.action() == Action.CLAIM) {
            claim(request, response, chain, bytes, self);
        } else {
            submit(request, response, chain, target, bytes);
        }
    }

    private void claim(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, byte[] bytes, String self)
            throws IOException, ServletException {
        String claimant;
        try {
            claimant = TaskCompletionGuard.claimant(bytes);
        } catch (IOException e) {
            refuse(request, response, SC_BAD_REQUEST, "security.taskForm.malformed");
            return;
        }
        if (claimant != null && !claimant.equals(self)) {
            refuse(request, response, SC_FORBIDDEN, "security.taskForm.claimForOther", claimant);
            return;
        }
        chain.doFilter(new TaskQueryExpressionGuardFilter.BufferedRequest(request, bytes), response);
    }

    private void submit(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, Target target, byte[] bytes)
            throws IOException, ServletException {
        Body body;
        try {
            body = TaskCompletionGuard.body(bytes);
        } catch (IOException e) {
            refuse(request, response, SC_BAD_REQUEST, "security.taskForm.malformed");
            return;
        }
        boolean start = target.action() == Action.START;
        if (start && body.skips()) {
            refuse(request, response, SC_FORBIDDEN, "security.startForm.noSkip");
            return;
        }
        Set<String> foreign = notFields(target, body, start);
        if (!foreign.isEmpty()) {
            refuse(
                    request,
                    response,
                    SC_BAD_REQUEST,
                    start ? "security.startForm.notAField" : "security.taskForm.notAField",
                    String.join(", ", foreign));
            return;
        }
        chain.doFilter(new TaskQueryExpressionGuardFilter.BufferedRequest(request, bytes), response);
    }

    /** The submitted variables that are no field of the task's (or the start) form, in name order. */
    private Set<String> notFields(Target target, Body body, boolean start) {
        if (body.variables().isEmpty()) {
            return Set.of();
        }
        Optional<Set<String>> fields = start
                ? forms.ofStart(target.definitionId(), target.definitionKey(), target.tenantId())
                : forms.of(target.taskId());
        // no such task or process: the engine answers that itself
        if (fields.isEmpty()) {
            return Set.of();
        }
        Set<String> foreign = new TreeSet<>(body.variables());
        foreign.removeAll(fields.get());
        return foreign;
    }

    /**
     * The user of the request: as the security layer ({@link WebSecurity}) set it on the engine before this filter,
     * else of the web apps' session login.
     */
    private Optional<Authentication> user(HttpServletRequest request) {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return Optional.of(auth);
        }
        UserAuthentication web = CamundaSession.user(request);
        return web == null
                ? Optional.empty()
                : Optional.of(new Authentication(web.getIdentityId(), web.getGroupIds(), web.getTenantIds()));
    }

    /**
     * Unassigns the task when {@code self} is its assignee, as the user (the operation log names them) but past the
     * engine's {@code TASK_ASSIGN} check; {@code false} when it is someone else's or no open task.
     */
    private boolean giveBack(String taskId, String self) {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> {
                    TaskService tasks = engine.getTaskService();
                    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
                    if (task == null || !self.equals(task.getAssignee())) {
                        return false;
                    }
                    tasks.setAssignee(taskId, null);
                    return true;
                }));
    }

    /** Administrators ({@code camunda-admin}) keep every right. */
    private static boolean isAdmin(Authentication user) {
        return user.getGroupIds() != null && user.getGroupIds().contains(Roles.ADMIN);
    }
}
