package io.rollout.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the request's Spring Security user ({@link EngineUser}) to the engine for the rest of the request, so the
 * engine REST API and Rollout's API run with Camunda authorizations as that user (as Camunda's own REST
 * authentication does), and clears it afterwards: a pooled thread never keeps the previous caller's identity.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final ObjectProvider<IdentityService> engineIdentity;

    /** The engine is looked up per request, see {@link CamundaPasswords}. */
    EngineAuthenticationFilter(ObjectProvider<IdentityService> engineIdentity) {
        this.engineIdentity = engineIdentity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof EngineUser user)) {
            chain.doFilter(request, response);
            return;
        }
        IdentityService identity = engineIdentity.getObject();
        identity.setAuthentication(user.userId(), user.groupIds(), user.tenantIds());
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
