package io.rollout.uat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollout.project.ProjectRepository;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class TestCaseImportTests {

    @Autowired
    TestCaseImport testCaseImport;

    @Autowired
    ProjectRepository projects;

    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void createProjectWithTheCustomersRequirements() throws Exception {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("procurement"), List.of("procurement"), List.of());
        try (InputStream in = getClass().getResourceAsStream("/erp-case/requirements.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",");
                jdbc.sql("""
                        insert into requirement (project_code, req_id, department, title, priority, updated_at)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(code, cells[0], cells[1], cells[2], cells[5], Timestamp.from(Instant.now()))
                        .update();
            }
        }
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void importsTheCustomersFileWithChineseHeaders() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/erp-case/uat-test-cases.csv")) {
            assertThat(testCaseImport.importCsv(code, in, "keyuser1")).isEqualTo(20);
        }

        assertThat(count("select count(*) from test_case where project_code = ?"))
                .isEqualTo(20);
        assertThat(count("select count(*) from test_case_requirement where project_code = ?"))
                .isEqualTo(20);
        assertThat(jdbc.sql("""
                select c.priority || ' ' || r.req_id from test_case c
                join test_case_requirement r on r.project_code = c.project_code and r.case_id = c.case_id
                where c.project_code = ? and c.case_id = 'TC-001'""").param(code).query(String.class).single()).isEqualTo("high REQ-PUR-001");
    }

    @Test
    void importsGbkWithSemicolonsEnglishHeadersAndUpdatesExistingCases() {
        String csv = """
            caseId;title;requirementIds;steps;expectedResult;module;priority
            TC-001;采购申请审批;REQ-PUR-001，REQ-PUR-002;提交申请;24小时内审批;procurement;高
            """;
        assertThat(testCaseImport.importCsv(code, stream(csv, Charset.forName("GBK")), "keyuser1"))
                .isEqualTo(1);
        String again = "\uFEFFcaseId,title,requirementIds,priority\nTC-001,采购申请审批（修订）,REQ-PUR-003,low\n";
        assertThat(testCaseImport.importCsv(code, stream(again, StandardCharsets.UTF_8), "keyuser1"))
                .isEqualTo(1);

        assertThat(jdbc.sql("select title || '/' || priority from test_case where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("采购申请审批（修订）/low");
        assertThat(jdbc.sql("select req_id from test_case_requirement where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("REQ-PUR-003");
    }

    @Test
    void refusesTheWholeFileListingEveryBadRow() {
        String csv = """
            用例编号,用例名称,覆盖需求,步骤,预期结果,优先级
            TC-001,验证：采购申请线上审批,REQ-PUR-001,操作,通过,high
            TC-002,,REQ-PUR-002,操作,通过,high
            TC-003,验证：不存在的需求,REQ-XXX-999,操作,通过,urgent
            TC-001,验证：重复,REQ-PUR-001,操作,通过,low
            """;

        assertThatThrownBy(() -> testCaseImport.importCsv(code, stream(csv, StandardCharsets.UTF_8), "keyuser1"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 3: the field \"Title\" is required.")
                .hasMessageContaining("Row 4: the field \"Priority\" must be one of high/medium/low, not \"urgent\".")
                .hasMessageContaining("Row 4: requirement REQ-XXX-999 does not exist in this project.")
                .hasMessageContaining("Row 5: test case TC-001 appears more than once.");
        assertThat(count("select count(*) from test_case where project_code = ?"))
                .isZero();
    }

    @Test
    void refusesAFileWithoutTheCaseIdColumn() {
        String csv = "用例名称,优先级\n验证,high\n";

        assertThatThrownBy(() -> testCaseImport.importCsv(code, stream(csv, StandardCharsets.UTF_8), "keyuser1"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The file has no column \"Case ID\".");
    }

    @Test
    void importsAnExcelWorkbookAsTheCustomerSavesIt() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("测试用例");
            String[][] rows = {
                {"用例编号", "用例名称", "覆盖需求", "步骤", "预期结果", "模块", "优先级"},
                {"TC-101", "采购申请审批", "REQ-PUR-001", "提交申请", "24小时内审批", "procurement", "高"},
                {"TC-102", "供应商准入", "REQ-PUR-002", "录入供应商", "审批后可用", "procurement", "medium"}
            };
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            xlsx = out.toByteArray();
        }

        assertThat(testCaseImport.importCsv(code, new ByteArrayInputStream(xlsx), "keyuser1"))
                .isEqualTo(2);
        assertThat(jdbc.sql("select case_id || ' ' || priority from test_case where project_code = ? order by case_id")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("TC-101 high", "TC-102 medium");
    }

    @Test
    void refusesAZipThatIsNotAWorkbookAndAnEmptyFile() {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0};

        assertThatThrownBy(() -> testCaseImport.importCsv(code, new ByteArrayInputStream(zip), "keyuser1"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Excel");
        assertThatThrownBy(() -> testCaseImport.importCsv(code, new ByteArrayInputStream(new byte[0]), "keyuser1"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("empty");
        assertThat(count("select count(*) from test_case where project_code = ?"))
                .isZero();
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(code).query(Integer.class).single();
    }

    private static InputStream stream(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }
}
