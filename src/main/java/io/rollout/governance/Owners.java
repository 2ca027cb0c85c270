package io.rollout.governance;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.JsonRows;
import java.util.List;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Who may own a risk, an issue or a milestone: a person working on projects — a member of the PMO, the business
 * owners, key users, consultants, developers, data stewards, trainers, the steering committee or IT operations.
 * Auditors only read and administrators and process owners run the platform, not projects: they own nothing. The
 * forms offer these people by name ({@link #options}); the listeners check a submitted id again ({@link #check}),
 * since the engine's REST API lets a client send any id.
 */
@Component
class Owners {

    static final List<String> ROLES = List.of(Roles.PMO, Roles.BUSINESS_OWNER, Roles.KEY_USER, Roles.CONSULTANT,
        Roles.DEVELOPER, Roles.DATA_STEWARD, Roles.TRAINER, Roles.STEERING_COMMITTEE, Roles.IT_OPERATIONS);

    /** Why an id cannot own: it names no user, or a user outside the roles above. */
    enum Refusal { UNKNOWN, NOT_ON_PROJECTS }

    private final RoleMembers members;

    Owners(RoleMembers members) {
        this.members = members;
    }

    /** The people who may own, as options of a searchable select, by display name. */
    JsonValue options() {
        return JsonRows.of(members.choices(ROLES, null));
    }

    /** Why the user may not own, or {@code null} when they may. */
    Refusal check(String userId) {
        if (!members.exists(userId)) {
            return Refusal.UNKNOWN;
        }
        return ROLES.stream().anyMatch(role -> members.isIn(userId, role)) ? null : Refusal.NOT_ON_PROJECTS;
    }

    /** The name a person is shown by. */
    String name(String userId) {
        return members.displayName(userId);
    }
}
