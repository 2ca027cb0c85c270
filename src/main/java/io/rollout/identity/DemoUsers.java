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
 * The business owners are placed in the departments of the sample ERP project. Ids are ASCII (the pinyin of the
 * name); the names are Chinese, as the reference case is a Chinese manufacturer. Listed in README.md.
 */
@Component
@Profile("demo")
@Order(20)
class DemoUsers implements ApplicationRunner {

    /** One demo person: id (= password), full name, role group, department group or {@code null}. */
    public record DemoUser(String id, String name, String role, String department) {}

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("demo", "演示管理员", Roles.ADMIN, null),
            new DemoUser("zhangwei", "张伟", Roles.PMO, null),
            new DemoUser("liuyang", "刘洋", Roles.BUSINESS_OWNER, "procurement"),
            new DemoUser("chenjing", "陈静", Roles.BUSINESS_OWNER, "warehouse"),
            new DemoUser("zhaomin", "赵敏", Roles.BUSINESS_OWNER, "finance"),
            new DemoUser("sunli", "孙丽", Roles.KEY_USER, "warehouse"),
            new DemoUser("wangqiang", "王强", Roles.CONSULTANT, null),
            new DemoUser("lihua", "李华", Roles.DEVELOPER, null),
            new DemoUser("zhouxin", "周欣", Roles.DATA_STEWARD, null),
            new DemoUser("wuting", "吴婷", Roles.TRAINER, null),
            new DemoUser("huangjun", "黄军", Roles.STEERING_COMMITTEE, null),
            new DemoUser("xuhao", "徐浩", Roles.IT_OPERATIONS, null),
            new DemoUser("guofei", "郭飞", Roles.PROCESS_OWNER, null),
            new DemoUser("heyan", "何燕", Roles.AUDITOR, null),
            // more of IT operations: the administrators the hand-over to internal IT picks from the training roster
            new DemoUser("linfeng", "林峰", Roles.IT_OPERATIONS, null),
            new DemoUser("majie", "马杰", Roles.IT_OPERATIONS, null),
            new DemoUser("zhoutao", "周涛", Roles.IT_OPERATIONS, null));

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                // Tasklist and Admin show "firstName lastName" with a space between: a Chinese name, family name
                // first, reads 张伟 only as one field. The empty last name is "", not null, which they would print.
                user.setFirstName(demo.name());
                user.setLastName("");
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
