package io.rollout.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A Camunda user as Spring Security knows them for one request: the user id, the groups as authorities and the
 * tenants, so {@link EngineAuthenticationFilter} can hand the same identity to the engine and Camunda authorizations
 * apply to everything the request does. {@code fromSession} tells a login of the web apps' session (which needs its
 * CSRF token) from HTTP basic credentials sent with the request.
 */
final class EngineUser extends AbstractAuthenticationToken {

    private final String userId;
    private final List<String> groupIds;
    private final List<String> tenantIds;
    private final boolean fromSession;

    EngineUser(String userId, List<String> groupIds, List<String> tenantIds, boolean fromSession) {
        super(groupIds.stream().map(SimpleGrantedAuthority::new).toList());
        this.userId = userId;
        this.groupIds = List.copyOf(groupIds);
        this.tenantIds = List.copyOf(tenantIds);
        this.fromSession = fromSession;
        setAuthenticated(true);
    }

    String userId() {
        return userId;
    }

    List<String> groupIds() {
        return groupIds;
    }

    List<String> tenantIds() {
        return tenantIds;
    }

    boolean fromSession() {
        return fromSession;
    }

    @Override
    public Object getCredentials() {
        // the password was checked by the engine and is not kept
        return null;
    }

    @Override
    public Object getPrincipal() {
        return userId;
    }
}
