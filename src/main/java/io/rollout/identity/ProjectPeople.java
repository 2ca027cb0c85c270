package io.rollout.identity;

import io.rollout.shared.JsonRows;
import java.util.List;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * The people who work on projects, and so may be named in one — owner of a milestone, a risk, an issue or the
 * mitigation of a high risk, a person of the resource plan: members of the PMO, consultants, business owners, key
 * users, developers, data stewards, trainers, IT operations and the steering committee. Auditors only read, and
 * administrators and process owners run the platform, not projects: they own nothing. The forms offer these people
 * by name ({@link #options}, a searchable select's {@code valuesKey}); the listeners check a submitted id again
 * ({@link #check}, {@link #qualifies}), since the engine's REST API lets a client send any id.
 */
@Component
public class ProjectPeople {

    /** The roles whose members work on projects. */
    public static final List<String> ROLES = List.of(
            Roles.PMO,
            Roles.CONSULTANT,
            Roles.BUSINESS_OWNER,
            Roles.KEY_USER,
            Roles.DEVELOPER,
            Roles.DATA_STEWARD,
            Roles.TRAINER,
            Roles.IT_OPERATIONS,
            Roles.STEERING_COMMITTEE);

    /** Why an id cannot be named: it names no user, or a user outside {@link #ROLES}. */
    public enum Refusal {
        UNKNOWN,
        NOT_ON_PROJECTS
    }

    private final RoleMembers members;

    public ProjectPeople(RoleMembers members) {
        this.members = members;
    }

    /** The people who qualify, as select options "First Last (id)", sorted by name. */
    public JsonValue options() {
        return JsonRows.of(members.choices(ROLES, null));
    }

    /** Why the user may not be named, or {@code null} when they may. */
    public Refusal check(String userId) {
        if (userId == null || !members.exists(userId)) {
            return Refusal.UNKNOWN;
        }
        return ROLES.stream().anyMatch(role -> members.isIn(userId, role)) ? null : Refusal.NOT_ON_PROJECTS;
    }

    /** Whether the id names a user in one of {@link #ROLES}. */
    public boolean qualifies(String userId) {
        return check(userId) == null;
    }

    /** The name a person is shown by, the id itself for someone unknown. */
    public String name(String userId) {
        return members.displayName(userId);
    }
}
