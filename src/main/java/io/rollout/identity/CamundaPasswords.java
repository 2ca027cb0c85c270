package io.rollout.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks HTTP basic credentials against Camunda's users, as Camunda's own REST authentication does: through
 * {@link IdentityService#checkPassword}, so the engine's login throttling after wrong passwords applies. The user's
 * groups and tenants are read for every request, so a change in Admin counts from the next request on.
 */
class CamundaPasswords implements AuthenticationProvider {

    private final ObjectProvider<IdentityService> engineIdentity;

    /**
     * The engine is looked up per request, not when the security configuration is built: asking for it there would
     * create the engine before the application's own start-up checks run.
     */
    CamundaPasswords(ObjectProvider<IdentityService> engineIdentity) {
        this.engineIdentity = engineIdentity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        IdentityService identity = engineIdentity.getObject();
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null
                || user.isBlank()
                || !(password instanceof String text)
                || !identity.checkPassword(user, text)) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList();
        List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId)
                .toList();
        return new EngineUser(user, groups, tenants, false);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
