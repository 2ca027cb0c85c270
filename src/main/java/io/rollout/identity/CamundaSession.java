package io.rollout.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login of the Camunda web apps (Tasklist, Cockpit, Admin, Welcome), bridged to Spring Security so Rollout's pages
 * use it too: log in once, no second password prompt. The user, groups and tenants come from Camunda's
 * {@link org.camunda.bpm.webapp.impl.security.auth.Authentications} in the HTTP session, as the web apps cached them
 * at login. The CSRF token is the one Camunda's own CSRF filter keeps in that session and hands to the browser as
 * the {@code XSRF-TOKEN} cookie: Rollout's pages send it in {@code X-XSRF-TOKEN} as Tasklist does.
 */
final class CamundaSession {

    private CamundaSession() {}

    /** The user logged in to the web apps in this request's session, or {@code null}. */
    static UserAuthentication user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentication auth = AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine(ProcessEngines.NAME_DEFAULT);
        return auth instanceof UserAuthentication user && user.getIdentityId() != null ? user : null;
    }

    /** A request that relies on the session: no {@code Authorization} header, a web apps' login in the session. */
    static boolean authenticates(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null && user(request) != null;
    }

    /** The session's CSRF token as Camunda's filter stored it, or {@code null}. */
    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return token instanceof String text && !text.isBlank() ? text : null;
    }

    /** Signs the request in as the session's user when it brings no basic credentials of its own. */
    static final class Filter extends OncePerRequestFilter {

        private final RequestMatcher where;

        /** For the requests {@code where} matches: the paths that take the session. */
        Filter(RequestMatcher where) {
            this.where = where;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !where.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            UserAuthentication user = SecurityContextHolder.getContext().getAuthentication() == null
                            && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    ? user(request)
                    : null;
            if (user != null) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new EngineUser(
                        user.getIdentityId(), nonNull(user.getGroupIds()), nonNull(user.getTenantIds()), true));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }

        private static List<String> nonNull(List<String> ids) {
            return ids == null ? List.of() : ids;
        }
    }

    /**
     * Camunda's session token as Spring Security's CSRF token. Camunda's filter creates and owns it (Tasklist reads it
     * from its cookie), so this repository never stores one: a session without a token gets a random one that no
     * request can match, and is refused.
     */
    static final class TokenRepository implements CsrfTokenRepository {

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return new DefaultCsrfToken(
                    CsrfConstants.CSRF_TOKEN_HEADER_NAME,
                    "_csrf",
                    UUID.randomUUID().toString());
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            // Camunda's CSRF filter owns the session's token; writing another would log Tasklist out of its requests
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            String token = csrfToken(request);
            return token == null ? null : new DefaultCsrfToken(CsrfConstants.CSRF_TOKEN_HEADER_NAME, "_csrf", token);
        }
    }
}
