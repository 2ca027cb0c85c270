package io.rollout.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * The Camunda web apps' login in the {@code oidc} profile: the person Spring Security logged in through the
 * OpenID Connect provider, with the groups {@link OidcUsers} took from the token. Camunda's
 * {@code ContainerBasedAuthenticationFilter} asks it and keeps the answer in the session as if the person had logged
 * in with Camunda's own form; there is no challenge of its own (Spring Security sends the browser to the provider).
 */
final class OidcWebappAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (!(login instanceof OAuth2AuthenticationToken token)
                || !token.isAuthenticated()
                || token.getName() == null
                || token.getName().isBlank()) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(token.getName());
        result.setGroups(OidcUsers.groups(token.getAuthorities()));
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // the person logs in at the identity provider; Spring Security's entry point sends them there
    }
}
