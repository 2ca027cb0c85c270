package io.rollout.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts for every role, only in the {@code demo} profile; each password equals the user id.
 * The business owners are placed in the departments of the sample ERP project. Listed in README.md.
 */
@Component
@Profile("demo")
@Order(20)
class DemoUsers implements ApplicationRunner {

    /** One demo person: id (= password), name, role group, department group or {@code null}. */
    public record DemoUser(String id, String firstName, String lastName, String role, String department) {}

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("demo", "Demo", "Administrator", Roles.ADMIN, null),
            new DemoUser("zhangwei", "Wei", "Zhang", Roles.PMO, null),
            new DemoUser("liuyang", "Yang", "Liu", Roles.BUSINESS_OWNER, "procurement"),
            new DemoUser("chenjing", "Jing", "Chen", Roles.BUSINESS_OWNER, "warehouse"),
            new DemoUser("zhaomin", "Min", "Zhao", Roles.BUSINESS_OWNER, "finance"),
            new DemoUser("sunli", "Li", "Sun", Roles.KEY_USER, "warehouse"),
            new DemoUser("wangqiang", "Qiang", "Wang", Roles.CONSULTANT, null),
            new DemoUser("lihua", "Hua", "Li", Roles.DEVELOPER, null),
            new DemoUser("zhouxin", "Xin", "Zhou", Roles.DATA_STEWARD, null),
            new DemoUser("wuting", "Ting", "Wu", Roles.TRAINER, null),
            new DemoUser("huangjun", "Jun", "Huang", Roles.STEERING_COMMITTEE, null),
            new DemoUser("xuhao", "Hao", "Xu", Roles.IT_OPERATIONS, null),
            new DemoUser("guofei", "Fei", "Guo", Roles.PROCESS_OWNER, null),
            new DemoUser("heyan", "Yan", "He", Roles.AUDITOR, null),
            // more of IT operations: the administrators the hand-over to internal IT picks from the training roster
            new DemoUser("linfeng", "Feng", "Lin", Roles.IT_OPERATIONS, null),
            new DemoUser("majie", "Jie", "Ma", Roles.IT_OPERATIONS, null),
            new DemoUser("zhoutao", "Tao", "Zhou", Roles.IT_OPERATIONS, null));

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@example.com");
                user.setPassword(demo.id());
                identity.saveUser(user);
                identity.createMembership(demo.id(), demo.role());
                if (demo.department() != null) {
                    identity.createMembership(demo.id(), Roles.departmentGroup(demo.department()));
                }
            }
        }
    }
}
