package io.rollout.demo;

import io.rollout.identity.Roles;
import io.rollout.migration.DatasetRegistration;
import io.rollout.project.ProjectRepository;
import io.rollout.requirements.Requirement;
import io.rollout.requirements.RequirementImport;
import io.rollout.requirements.Specification;
import io.rollout.shared.JsonRows;
import io.rollout.training.AttendanceImport;
import io.rollout.training.TraineeLogins;
import io.rollout.training.TrainingCurricula;
import io.rollout.uat.TestCaseImport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The sample project of the {@code demo} profile: the manufacturer's ERP phase 1 (procurement and
 * inventory, "ERP一期：采购与库存管理" of 华东精密制造有限公司) with the departments procurement, warehouse and finance
 * (采购部, 仓储部, 财务部), started by the PMO user and
 * loaded with the customer's own files from {@code demo/erp-case/}: the requirements of the
 * departments in scope, the UAT test cases that cover them, the training roster with attendance, and the
 * definitions and cleansing rules of the legacy datasets customers and materials (demo/erp-case/datasets/),
 * which the data steward tries out on legacy-customers.csv and legacy-materials.xlsx.
 * Runs once; a restart finds the project and leaves it alone.
 */
@Component
@Profile("demo")
@Order(30)
class DemoProject implements ApplicationRunner {

    static final String CODE = "ERP-2026-01";
    // the project's name and customer are the customer's data, in the customer's language, as its files are
    static final String PROJECT_NAME = "ERP一期：采购与库存管理";
    static final String CUSTOMER = "华东精密制造有限公司";
    static final String PMO_USER = "zhangwei";
    static final String DATA_STEWARD_USER = "zhouxin";
    static final List<String> DEPARTMENTS = List.of("procurement", "warehouse", "finance");
    // department names as the customer's files write them
    static final Set<String> DEPARTMENT_NAMES = Set.of("采购部", "仓储部", "财务部");
    // the customer's IT administrators, who take the system over after hypercare
    static final String IT_ROLE = "系统管理员";
    static final String IT_COURSE = "ERP系统运维";

    private static final Logger LOG = LoggerFactory.getLogger(DemoProject.class);

    private final ProjectRepository projects;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final RequirementImport requirements;
    private final Specification specification;
    private final TestCaseImport testCases;
    private final AttendanceImport attendance;
    private final TrainingCurricula curricula;
    private final DatasetRegistration datasets;
    private final TraineeLogins logins;

    DemoProject(
            ProjectRepository projects,
            RuntimeService runtime,
            IdentityService identity,
            RequirementImport requirements,
            Specification specification,
            TestCaseImport testCases,
            AttendanceImport attendance,
            TrainingCurricula curricula,
            DatasetRegistration datasets,
            TraineeLogins logins) {
        this.projects = projects;
        this.runtime = runtime;
        this.identity = identity;
        this.requirements = requirements;
        this.specification = specification;
        this.testCases = testCases;
        this.attendance = attendance;
        this.curricula = curricula;
        this.datasets = datasets;
        this.logins = logins;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (projects.exists(CODE)) {
            return;
        }
        startProject();
        importRequirements();
        importTestCases();
        planTraining();
        itAdministrators();
        registerDatasets();
        LOG.info(
                "Demo project {} started with the customer's requirements, test cases, training roster and legacy "
                        + "dataset rules",
                CODE);
    }

    private void startProject() {
        Map<String, Object> form = new HashMap<>();
        form.put("projectCode", CODE);
        form.put("projectName", PROJECT_NAME);
        form.put("customer", CUSTOMER);
        form.put("systemType", "ERP");
        form.put("departments", JsonRows.ofStrings(DEPARTMENTS));
        form.put("modules", JsonRows.ofStrings(List.of("procurement", "inventory")));
        form.put("datasets", JsonRows.ofStrings(List.of("customers", "materials")));
        form.put("uatPassTarget", 95L);
        form.put("trainingTarget", 80L);
        identity.setAuthentication(PMO_USER, List.of(Roles.PMO));
        try {
            runtime.startProcessInstanceByKey("implementationProject", form);
        } finally {
            identity.clearAuthentication();
        }
    }

    // the importer itself skips the requirements of departments outside the project's scope
    private void importRequirements() throws IOException {
        RequirementImport.Result imported;
        try (InputStream in = new ClassPathResource("demo/erp-case/requirements.csv").getInputStream()) {
            imported = requirements.importCsv(CODE, in, PMO_USER);
        }
        if (!imported.ok()) {
            throw new IllegalStateException("demo requirements could not be imported: " + imported.errors());
        }
    }

    // only the test cases of requirements the project has: those of the other departments were not imported
    private void importTestCases() throws IOException {
        List<CSVRecord> cases = records("uat-test-cases.csv");
        Set<String> covered = cases.stream().skip(1).map(row -> row.get(2)).collect(Collectors.toSet());
        Set<String> known = specification.requirements(CODE, covered).stream()
                .map(Requirement::reqId)
                .collect(Collectors.toSet());
        testCases.importCsv(CODE, csv(cases, row -> known.contains(row.get(2))), PMO_USER);
    }

    // the customer's curricula: hands-on practice per department for operators, reports for managers
    private void planTraining() throws IOException {
        curricula.plan(
                CODE,
                List.of(
                        new TrainingCurricula.Planned("采购业务实操", "操作员", "采购部", 60, "采购申请、订单、收货的上机实操"),
                        new TrainingCurricula.Planned("仓储业务实操", "操作员", "仓储部", 60, "入库、出库、盘点的上机实操"),
                        new TrainingCurricula.Planned("财务业务实操", "操作员", "财务部", 60, "凭证、对账、结账的上机实操"),
                        new TrainingCurricula.Planned("报表分析", "管理层", null, 60, "经营报表与分析"),
                        new TrainingCurricula.Planned(IT_COURSE, IT_ROLE, null, 60, "系统管理、权限、备份与故障处理")));
        attendance.importCsv(
                CODE, csv(records("training-attendance.csv"), row -> DEPARTMENT_NAMES.contains(row.get(2))), PMO_USER);
    }

    // the legacy datasets with the rules that catch the dirt of legacy-customers.csv and legacy-materials.xlsx
    private void registerDatasets() throws IOException {
        for (String dataset : List.of("customers", "materials")) {
            try (InputStream in =
                    new ClassPathResource("demo/erp-case/datasets/" + dataset + ".json").getInputStream()) {
                datasets.register(CODE, in, DATA_STEWARD_USER);
            }
        }
    }

    /**
     * The customer's IT, trained to run the system after the hand-over: five administrators on the roster, four of
     * them passed (80 %, the project's target). Three have logins in IT operations — 林峰 (linfeng) and 马杰 (majie)
     * passed, 周涛 (zhoutao) failed the assessment — and 徐浩 (xuhao) of IT operations is not on the roster, so the
     * hand-over shows who may administer a module and why the others may not.
     */
    private void itAdministrators() {
        String sheet = """
            工号,姓名,部门,角色,课程,场次日期,是否出勤,考核成绩
            IT001,林峰,信息部,%1$s,%2$s,2026-05-20,是,88
            IT002,马杰,信息部,%1$s,%2$s,2026-05-20,是,79
            IT003,周涛,信息部,%1$s,%2$s,2026-05-20,是,52
            IT004,郑洁,信息部,%1$s,%2$s,2026-05-21,是,91
            IT005,宋雨,信息部,%1$s,%2$s,2026-05-21,是,73
            """.formatted(IT_ROLE, IT_COURSE);
        attendance.importCsv(CODE, new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)), PMO_USER);
        Map.of("IT001", "linfeng", "IT002", "majie", "IT003", "zhoutao")
                .forEach((employee, login) -> logins.link(CODE, employee, login));
    }

    // The customer's files cover all five departments; the sample project has three in scope.
    private static List<CSVRecord> records(String name) throws IOException {
        try (InputStream in = new ClassPathResource("demo/erp-case/" + name).getInputStream();
                var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.parse(reader).getRecords();
        }
    }

    // the header and the rows to keep, as a CSV file again
    private static InputStream csv(List<CSVRecord> records, Predicate<CSVRecord> keep) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(records.get(0).toList());
            for (CSVRecord row : records.subList(1, records.size())) {
                if (keep.test(row)) {
                    printer.printRecord(row.toList());
                }
            }
        }
        return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
