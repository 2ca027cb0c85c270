package io.rollout.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/session}: who Rollout's pages run as, and the CSRF token of the web apps' session that their
 * requests must send in {@code X-XSRF-TOKEN}. Camunda scopes its {@code XSRF-TOKEN} cookie to the web apps' path, so
 * our pages outside it ask here; another site cannot read the answer (no CORS, and {@link CrossOriginFilter}).
 * {@code csrfToken} is {@code null} for a caller with basic credentials, who needs none.
 */
@RestController
class SessionController {

    @GetMapping(WebSecurity.SESSION_INFO)
    Map<String, Object> session(Authentication login, HttpServletRequest request) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("userId", login.getName());
        session.put(
                "csrfToken",
                login instanceof EngineUser user && user.fromSession() ? CamundaSession.csrfToken(request) : null);
        return session;
    }
}
