package io.rollout.planning;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.JsonRows;
import java.util.List;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Who may be named in a project plan — owner of a milestone or risk, person of the resource plan, owner of the
 * mitigation actions of a high risk: the people of the roles that do the project's work. Process owners,
 * auditors and administrators keep the platform, they do not work on projects. The forms offer these people by
 * display name ({@link #options()}, a searchable select's {@code valuesKey}); the task listeners check every
 * submitted id with {@link #qualifies}, since a REST client can send any text.
 */
@Component
class PlanPeople {

    /** The roles whose members may own plan items, in the order the forms name them. */
    static final List<String> ROLES = List.of(Roles.PMO, Roles.CONSULTANT, Roles.BUSINESS_OWNER, Roles.KEY_USER,
        Roles.DEVELOPER, Roles.DATA_STEWARD, Roles.TRAINER, Roles.IT_OPERATIONS, Roles.STEERING_COMMITTEE);

    private final RoleMembers members;

    PlanPeople(RoleMembers members) {
        this.members = members;
    }

    /** The people who qualify, as select options "First Last (id)", sorted by name. */
    JsonValue options() {
        return JsonRows.of(members.choices(ROLES, null));
    }

    /** Whether the id names a user in one of {@link #ROLES}. */
    boolean qualifies(String userId) {
        return userId != null && ROLES.stream().anyMatch(role -> members.isIn(userId, role));
    }

    /** The name a person is shown by in the plan, the id itself for someone unknown. */
    String name(String userId) {
        return members.displayName(userId);
    }
}
