package io.rollout.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.rollout.project.ProjectRepository;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class AttendanceImportTests {

    @Autowired
    AttendanceImport attendanceImport;

    @Autowired
    ProjectRepository projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProcessEngine engine;

    String code;

    @BeforeEach
    void createProject() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("warehouse"), List.of("inventory"), List.of());
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** The customer's curricula: hands-on per department for operators, reports and analysis for managers. */
    static final List<TrainingCurricula.Planned> CUSTOMER_CURRICULA = List.of(
            new TrainingCurricula.Planned("采购业务实操", "操作员", "采购部", 60, null),
            new TrainingCurricula.Planned("仓储业务实操", "操作员", "仓储部", 60, null),
            new TrainingCurricula.Planned("生产业务实操", "操作员", "生产部", 60, null),
            new TrainingCurricula.Planned("财务业务实操", "操作员", "财务部", 60, null),
            new TrainingCurricula.Planned("销售业务实操", "操作员", "销售部", 60, null),
            new TrainingCurricula.Planned("报表分析", "管理层", null, 60, null));

    @Autowired
    TrainingCurricula curricula;

    @Test
    void importsTheCustomersSheetAndItsRolesReachExactlyTheTarget() throws Exception {
        curricula.plan(code, CUSTOMER_CURRICULA);
        try (InputStream in = getClass().getResourceAsStream("/erp-case/training-attendance.csv")) {
            assertThat(attendanceImport.importCsv(code, in, "trainer1")).isEqualTo(40);
        }
        assertThat(count("select count(*) from trainee where project_code = ?")).isEqualTo(40);
        assertThat(count("select count(*) from training_attendance where project_code = ? and attended"))
                .isEqualTo(34);
        assertThat(jdbc.sql("select role from trainee where project_code = ? and employee_id = 'E0008'")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("管理层");

        // operators 28 of 35 and managers 4 of 5 trained and passed: exactly 80 %
        ProcessInstance pi = checkOnly();
        assertThat(pi).hasPassed("EndEvent_TrainingComplete").isEnded();

        jdbc.sql("update project set training_target = 85 where code = ?")
                .param(code)
                .update();
        ProcessInstance stricter = checkOnly();
        assertThat(stricter).isWaitingAt("UserTask_ScheduleMakeUpSessions");
        assertThat((String) runtime.getVariable(stricter.getId(), "trainingFindings"))
                .contains("- Role 操作员: 28 of 35 trainees trained and passed (80.0 %), below the target of 85 %.")
                .contains("- 操作员: 林丽 (E0013) scored 57 in ")
                .contains("- 管理层: 郭丽 (E0008) was absent from 报表分析.");
    }

    @Test
    void onceCurriculaArePlannedACourseOutsideThemIsRefusedNamingTheRow() {
        curricula.plan(code, CUSTOMER_CURRICULA);
        String csv = """
            工号,姓名,部门,角色,课程,场次日期,是否出勤,考核成绩
            E1,王伟,仓储部,操作员,仓储业务实操,2026-04-01,是,81
            E2,李娜,仓储部,操作员,Excel 入门,2026-04-01,是,90
            """;

        assertThatThrownBy(() -> attendanceImport.importCsv(code, stream(csv, StandardCharsets.UTF_8), "trainer1"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 3: course \"Excel 入门\" is not a curriculum of this project");
        assertThat(count("select count(*) from training_attendance where project_code = ?"))
                .isZero();
    }

    @Test
    void readsGbkWithSemicolonsAndEnglishHeaders() {
        String csv = """
            employeeId;name;department;role;course;sessionDate;attended;score
            E1;王伟;仓储部;操作员;仓储业务实操;2026-04-01;yes;81
            E2;李娜;仓储部;操作员;仓储业务实操;2026-04-01;false;
            """;
        assertThat(attendanceImport.importCsv(code, stream(csv, Charset.forName("GBK")), "trainer1"))
                .isEqualTo(2);

        assertThat(jdbc.sql("select name from trainee where project_code = ? and employee_id = 'E1'")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("王伟");
    }

    @Test
    void readsUtf8WithByteOrderMark() {
        String csv = "\uFEFF工号,姓名,部门,角色,课程,场次日期,是否出勤,考核成绩\nE1,王伟,仓储部,操作员,仓储业务实操,2026-04-01,是,81\n";

        assertThat(attendanceImport.importCsv(code, stream(csv, StandardCharsets.UTF_8), "trainer1"))
                .isEqualTo(1);
    }

    @Test
    void readsAnExcelSheetWithRealDateAndNumberCells() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("签到表");
            var header = sheet.createRow(0);
            String[] headers = {"工号", "姓名", "部门", "角色", "课程", "场次日期", "是否出勤", "考核成绩"};
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("E9");
            row.createCell(1).setCellValue("王伟");
            row.createCell(2).setCellValue("仓储部");
            row.createCell(3).setCellValue("操作员");
            row.createCell(4).setCellValue("仓储业务实操");
            var date = row.createCell(5);
            date.setCellValue(java.time.LocalDate.of(2026, 4, 1));
            var dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            date.setCellStyle(dateStyle);
            row.createCell(6).setCellValue("是");
            row.createCell(7).setCellValue(81);
            book.write(out);
            xlsx = out.toByteArray();
        }

        assertThat(attendanceImport.importCsv(code, new ByteArrayInputStream(xlsx), "trainer1"))
                .isEqualTo(1);
        assertThat(jdbc.sql("select session_date || ' ' || score from training_attendance where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("2026-04-01 81");
    }

    @Test
    void refusesTheWholeFileListingEveryBadRow() {
        String csv = """
            工号,姓名,部门,角色,课程,场次日期,是否出勤,考核成绩
            E1,王伟,仓储部,操作员,仓储业务实操,2026-04-01,是,81
            E2,李娜,仓储部,操作员,仓储业务实操,2026/04/01,是,70
            E3,,仓储部,操作员,仓储业务实操,2026-04-01,也许,
            E4,张强,仓储部,操作员,仓储业务实操,2026-04-01,否,90
            E5,刘洋,仓储部,操作员,仓储业务实操,2026-04-01,是,九十
            """;

        assertThatThrownBy(() -> attendanceImport.importCsv(code, stream(csv, StandardCharsets.UTF_8), "trainer1"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(
                        "Row 3: the field \"Session date\" must be a date (YYYY-MM-DD), not \"2026/04/01\".")
                .hasMessageContaining("Row 4: the field \"Name\" is required.")
                .hasMessageContaining("Row 4: the field \"Attended\" must be one of 是/否/yes/no, not \"也许\".")
                .hasMessageContaining("Row 5: E4 did not attend, so there can be no score.")
                .hasMessageContaining("Row 6: the field \"Score\" must be a whole number, not \"九十\".");
        assertThat(count("select count(*) from trainee where project_code = ?")).isZero();
        assertThat(count("select count(*) from training_attendance where project_code = ?"))
                .isZero();
    }

    @Test
    void refusesAFileWithoutTheAttendanceColumn() {
        String csv = "工号,姓名,角色,课程,场次日期\nE1,王伟,操作员,仓储业务实操,2026-04-01\n";

        assertThatThrownBy(() -> attendanceImport.importCsv(code, stream(csv, StandardCharsets.UTF_8), "trainer1"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The file has no column \"Attended\".");
    }

    private ProcessInstance checkOnly() {
        return runtime.createProcessInstanceByKey(TrainingPhaseProcessTests.PROCESS)
                .businessKey(code)
                .startBeforeActivity(TrainingPhaseProcessTests.COMPLETION_CHECK)
                .setVariable("projectCode", code)
                .execute();
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(code).query(Integer.class).single();
    }

    private static InputStream stream(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }
}
