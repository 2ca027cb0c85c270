package io.rollout.identity;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The user of the current REST request, as authenticated by {@link WebSecurity}, and the
 * role checks of Rollout's own API.
 */
@Component
public class CurrentUser {

    private final IdentityService identity;

    CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    /** The authenticated user id; 401 when the request carries none. */
    public String id() {
        return authentication().getUserId();
    }

    /** The user's group ids. */
    public List<String> groups() {
        List<String> groups = authentication().getGroupIds();
        return groups == null ? List.of() : groups;
    }

    /** True when the user is in one of the groups; admins always are. */
    public boolean inAnyOf(Collection<String> groups) {
        List<String> mine = groups();
        return mine.contains(Roles.ADMIN) || mine.stream().anyMatch(groups::contains);
    }

    /** Passes when the user is in one of the groups (admins always pass); 403 naming them otherwise. */
    public void requireAnyOf(Collection<String> groups) {
        if (inAnyOf(groups)) {
            return;
        }
        throw new ResponseStatusException(
                HttpStatus.FORBIDDEN, "user " + id() + " is not in any of the groups " + String.join(", ", groups));
    }

    /**
     * Runs a read on behalf of the application instead of the user, for Rollout's read APIs that check the
     * user's role themselves and then show a whole project (audit trail, KPIs) whatever the engine grants the
     * user per process definition. Only for reads: writes must keep the user's authorizations.
     */
    public <T> T readAsApplication(Supplier<T> read) {
        Authentication auth = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (auth != null) {
                identity.setAuthentication(auth);
            }
        }
    }

    /** {@link #readAsApplication} for work that returns nothing. */
    public void runAsApplication(Runnable work) {
        readAsApplication(() -> {
            work.run();
            return null;
        });
    }

    private Authentication authentication() {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "authentication required");
        }
        return auth;
    }
}
