package io.rollout.demo;

import io.rollout.identity.Roles;
import io.rollout.shared.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The names of the demo's Camunda groups in Chinese, as the directory of the reference case (a Chinese manufacturer)
 * names them: the role groups ({@code business-owner} → 业务负责人) and the department groups ({@code dept-finance} →
 * 财务部). Tasklist shows a task's candidate groups by name and Admin lists groups by name, so a Chinese person meets
 * no English there; the ids stay ASCII, as the models, authorizations and filters use them. A group name is data:
 * like the people's names it reads the same in every browser language. Runs after the groups are created, on every
 * start of the {@code demo} profile, so a demo database created earlier gets the names too.
 */
@Component
@Profile("demo")
@Order(15)
class DemoGroups implements ApplicationRunner {

    static final Map<String, String> ROLE_NAMES = new LinkedHashMap<>();

    static {
        ROLE_NAMES.put(Roles.PMO, "项目管理办公室");
        ROLE_NAMES.put(Roles.BUSINESS_OWNER, "业务负责人");
        ROLE_NAMES.put(Roles.KEY_USER, "种子用户");
        ROLE_NAMES.put(Roles.CONSULTANT, "实施顾问");
        ROLE_NAMES.put(Roles.DEVELOPER, "开发人员");
        ROLE_NAMES.put(Roles.DATA_STEWARD, "数据管理员");
        ROLE_NAMES.put(Roles.TRAINER, "培训师");
        ROLE_NAMES.put(Roles.STEERING_COMMITTEE, "指导委员会");
        ROLE_NAMES.put(Roles.IT_OPERATIONS, "IT 运维");
        ROLE_NAMES.put(Roles.PROCESS_OWNER, "流程负责人");
        ROLE_NAMES.put(Roles.AUDITOR, "审计人员");
        ROLE_NAMES.put(Roles.ADMIN, "管理员");
    }

    private final IdentityService identity;
    private final Names names;
    private final List<String> departments;

    DemoGroups(IdentityService identity, Names names, @Value("${rollout.departments}") List<String> departments) {
        this.identity = identity;
        this.names = names;
        this.departments = departments;
    }

    @Override
    public void run(ApplicationArguments args) {
        ROLE_NAMES.forEach(this::name);
        for (String department : departments) {
            name(Roles.departmentGroup(department), names.department(department, Locale.SIMPLIFIED_CHINESE));
        }
    }

    private void name(String groupId, String name) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        if (group != null && !name.equals(group.getName())) {
            group.setName(name);
            identity.saveGroup(group);
        }
    }
}
