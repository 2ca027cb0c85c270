package io.rollout.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.TaskCompletionGuard.Action;
import io.rollout.identity.TaskCompletionGuard.Body;
import io.rollout.identity.TaskCompletionGuard.Target;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "messages/core";

    private final TaskCompletionGuard guard;
    private final TaskFormFields forms;
    private final IdentityService identity;
    private final String engineName;

    TaskCompletionGuardFilter(TaskCompletionGuard guard, TaskFormFields forms, IdentityService identity,
                              String engineName) {
        this.guard = guard;
        this.forms = forms;
        this.identity = identity;
        this.engineName = engineName;
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
        if (target.action() == Action.THROW) {
            answer(request, response, HttpServletResponse.SC_FORBIDDEN, "security.taskForm.noThrow");
            return;
        }
        if (target.action() == Action.RESTART) {
            answer(request, response, HttpServletResponse.SC_FORBIDDEN, "security.startForm.noRestart");
            return;
        }
        byte[] bytes = read(request.getInputStream());
        if (bytes == null) {
            answer(request, response, HttpServletResponse.SC_BAD_REQUEST, "security.taskForm.tooLarge",
                String.valueOf(MAX_BODY_BYTES));
            return;
        }
        if (target.action() == Action.CLAIM) {
            String claimant;
            try {
                claimant = TaskCompletionGuard.claimant(bytes);
            } catch (IOException e) {
                answer(request, response, HttpServletResponse.SC_BAD_REQUEST, "security.taskForm.malformed");
                return;
            }
            String self = user.map(Authentication::getUserId).orElse(null);
            if (claimant != null && !claimant.equals(self)) {
                answer(request, response, HttpServletResponse.SC_FORBIDDEN, "security.taskForm.claimForOther", claimant);
                return;
            }
            chain.doFilter(new TaskQueryExpressionGuardFilter.BufferedRequest(request, bytes), response);
            return;
        }
        Body body;
        try {
            body = TaskCompletionGuard.body(bytes);
        } catch (IOException e) {
            answer(request, response, HttpServletResponse.SC_BAD_REQUEST, "security.taskForm.malformed");
            return;
        }
        boolean start = target.action() == Action.START;
        if (start && body.skips()) {
            answer(request, response, HttpServletResponse.SC_FORBIDDEN, "security.startForm.noSkip");
            return;
        }
        if (!body.variables().isEmpty()) {
            Optional<Set<String>> fields = start
                ? forms.ofStart(target.definitionId(), target.definitionKey(), target.tenantId())
                : forms.of(target.taskId());
            // no such task or process: the engine answers that itself
            if (fields.isPresent()) {
                Set<String> foreign = new TreeSet<>(body.variables());
                foreign.removeAll(fields.get());
                if (!foreign.isEmpty()) {
                    answer(request, response, HttpServletResponse.SC_BAD_REQUEST,
                        start ? "security.startForm.notAField" : "security.taskForm.notAField", String.join(", ", foreign));
                    return;
                }
            }
        }
        chain.doFilter(new TaskQueryExpressionGuardFilter.BufferedRequest(request, bytes), response);
    }

    /**
     * The user of the request: of its basic authentication (set on the engine by {@link RestAuthentication} before
     * this filter), else of the web apps' session login.
     */
    private Optional<Authentication> user(HttpServletRequest request) {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return Optional.of(auth);
        }
        HttpSession session = request.getSession(false);
        if (session != null && AuthenticationUtil.getAuthsFromSession(session)
            .getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication web) {
            return Optional.of(new Authentication(web.getIdentityId(), web.getGroupIds(), web.getTenantIds()));
        }
        return Optional.empty();
    }

    /** Administrators ({@code camunda-admin}) keep every right. */
    private static boolean isAdmin(Authentication user) {
        return user.getGroupIds() != null && user.getGroupIds().contains(Roles.ADMIN);
    }

    /** The whole body, or {@code null} when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BODY_BYTES) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, int status, String code,
                               String... args) throws IOException {
        // no Accept-Language: English, not the server's default locale
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.ROOT : request.getLocale();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String message = new MessageFormat(bundle.getString(code), locale).format(args);
        Map<String, String> body = new LinkedHashMap<>();
        // the engine's own type names, so Tasklist shows the message as it shows the engine's refusals
        body.put("type", status == HttpServletResponse.SC_FORBIDDEN ? "AuthorizationException" : "InvalidRequestException");
        body.put("message", message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
