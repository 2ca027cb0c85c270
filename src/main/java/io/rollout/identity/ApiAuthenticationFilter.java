package io.rollout.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.context.MessageSource;

/**
 * Camunda's {@link ProcessEngineAuthenticationFilter} (HTTP basic, see {@link RestAuthentication}) that also lets a
 * user logged in to Tasklist call the task sheet endpoints ({@code /api/tasks/*}, used by the page inside the task
 * forms) with the web apps' session instead of basic credentials — but only as Camunda's own {@code /camunda/api/*}
 * is protected: the request must carry the session's CSRF token in the header {@code X-XSRF-TOKEN}. The cookie alone,
 * as another site can make a logged-in browser send it, is refused with 403. The session's user comes from Camunda's
 * {@link Authentications} (groups and tenants as the web apps cached them) and must have access to Tasklist; the
 * engine's authentication is set for the request, so Camunda authorizations apply as with basic auth. A request
 * with an {@code Authorization} header, and every other path, is left to basic auth.
 */
class ApiAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    static final String SESSION_PATHS = "/api/tasks/";
    private static final String TASKLIST = "tasklist";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageSource messages;

    ApiAuthenticationFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(false);
        if (!path.startsWith(SESSION_PATHS) || request.getHeader("Authorization") != null || session == null) {
            super.doFilter(req, res, chain);
            return;
        }
        ProcessEngine engine = getAddressedEngine(DEFAULT_ENGINE_NAME);
        UserAuthentication user = webappUser(session, engine);
        if (user == null) {
            // a session without a Tasklist login: basic auth decides (401 with its challenge)
            super.doFilter(req, res, chain);
            return;
        }
        if (!tokenMatches(session, request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME))) {
            refuse(request, response, "security.session.csrfToken");
            return;
        }
        if (!user.isAuthorizedForApp(TASKLIST)) {
            refuse(request, response, "security.session.noTasklist");
            return;
        }
        setAuthenticatedUser(engine, user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
        try {
            chain.doFilter(request, response);
        } finally {
            clearAuthentication(engine);
        }
    }

    private static UserAuthentication webappUser(HttpSession session, ProcessEngine engine) {
        if (engine == null) {
            return null;
        }
        Authentication auth = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(
            engine.getName());
        return auth instanceof UserAuthentication user && user.getIdentityId() != null ? user : null;
    }

    /** The header equals the token Camunda's CSRF filter keeps in the session (compared in constant time). */
    private static boolean tokenMatches(HttpSession session, String header) {
        Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        if (!(token instanceof String expected) || expected.isBlank() || header == null || header.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        // before Spring's request context exists: the language comes from the request itself
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale();
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(
            Map.of("errors", List.of(messages.getMessage(code, null, locale)))));
    }
}
