package io.rollout.tasksheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.requirements.RequirementImport;
import io.rollout.shared.FormRow;
import io.rollout.shared.HostileWorkbooks;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import io.rollout.training.AttendanceImport;
import io.rollout.training.TrainingCurricula;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Excel from inside a task over HTTP ({@code GET /api/tasks/{id}/sheet.xlsx}, {@code POST /api/tasks/{id}/sheet}): an
 * upload only replaces the rows of the task's list after the import's checks, a bad file changes nothing and names
 * every row and column, a download comes back through the upload unchanged, and only the people who may work on the
 * task get there — with basic auth, or with the Tasklist session and its CSRF token, never with the cookie alone.
 */
@WebTest
class TaskSheetApiTests {

    static final String PASSWORD = "sheet-api-Secret-2026";
    static final String CONSULTANT = "sheetapiconsultant";
    static final String OTHER_CONSULTANT = "sheetapiconsultant2";
    static final String KEY_USER = "sheetapikeyuser";
    static final String TRAINER = "sheetapitrainer";
    static final String PMO = "sheetapipmo";
    static final String AUDITOR = "sheetapiauditor";
    static final Path ERP = Path.of("src/test/resources/erp-case");
    static final Path FIXTURES = Path.of("src/test/resources/requirements");
    static final List<String> ERP_DEPARTMENTS = List.of("procurement", "warehouse", "production", "finance", "sales");

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequirementImport requirementImport;

    @Autowired
    AttendanceImport attendanceImport;

    @Autowired
    TrainingCurricula curricula;

    final ObjectMapper json = new ObjectMapper();
    String code;

    @BeforeEach
    void aProjectOfTheErpCase() {
        TestUsers.ensure(identity, CONSULTANT, PASSWORD, Roles.CONSULTANT);
        TestUsers.ensure(identity, OTHER_CONSULTANT, PASSWORD, Roles.CONSULTANT);
        TestUsers.ensure(identity, KEY_USER, PASSWORD, Roles.KEY_USER);
        TestUsers.ensure(identity, TRAINER, PASSWORD, Roles.TRAINER);
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, AUDITOR, PASSWORD, Roles.AUDITOR);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, ERP_DEPARTMENTS, List.of(), List.of());
    }

    @Test
    void theCustomersRequirementListFillsClarifyRequirementsAndIsStoredOnlyWhenTheTaskIsCompleted() throws IOException {
        Task clarify = clarify();

        HttpResponse<byte[]> response = as(CONSULTANT)
                .upload(clarify.getId(), "requirements.xlsx", Workbooks.fromCsv(ERP.resolve("requirements.csv")));

        assertThat(response.statusCode()).as(SheetClient.text(response)).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("message").asText())
                .isEqualTo("20 rows loaded from requirements.xlsx: review them below and complete the task.");
        List<FormRow> rows = rows(clarify, "requirements");
        assertThat(rows).hasSize(20);
        assertThat(rows.get(0).values())
                .containsEntry("reqId", "REQ-PUR-001")
                .containsEntry("department", "procurement")
                .containsEntry("title", "采购申请线上审批")
                .containsEntry("priority", "must")
                .containsEntry("solutionMatch", "configuration")
                .containsEntry("withdrawn", false);
        assertThat(rows.get(19).text("reqId")).isEqualTo("REQ-SAL-004");
        assertThat(storedRequirements()).isZero();

        tasks.claim(clarify.getId(), CONSULTANT);
        tasks.complete(clarify.getId());
        assertThat(jdbc.sql("select status, count(*) from requirement where project_code = ? group by status")
                        .param(code)
                        .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2))
                        .list())
                .containsExactly("clarified 20");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "requirements-gbk.csv",
                "requirements-bom.csv",
                "requirements-semicolon.csv",
                "requirements-tab.txt"
            })
    void csvInGbkWithBomOrOtherSeparatorsGivesTheSameRowsAsTheWorkbook(String fixture) throws IOException {
        Task clarify = clarify();
        as(CONSULTANT)
                .upload(
                        clarify.getId(),
                        "requirements.xlsx",
                        Workbooks.fromCsv(FIXTURES.resolve("requirements-utf8.csv")));
        List<FormRow> fromWorkbook = rows(clarify, "requirements");

        HttpResponse<byte[]> response =
                as(CONSULTANT).upload(clarify.getId(), fixture, Files.readAllBytes(FIXTURES.resolve(fixture)));

        assertThat(response.statusCode()).as(SheetClient.text(response)).isEqualTo(200);
        assertThat(rows(clarify, "requirements")).hasSize(20).isEqualTo(fromWorkbook);
    }

    @Test
    void aFileWithBadRowsIsRefusedNamingEveryRowAndColumnAndTheListStaysAsItWas() throws IOException {
        Task clarify = clarify();
        as(CONSULTANT).upload(clarify.getId(), "requirements.xlsx", Workbooks.fromCsv(ERP.resolve("requirements.csv")));
        Object before = tasks.getVariable(clarify.getId(), "requirements").toString();

        HttpResponse<byte[]> response = as(CONSULTANT)
                .upload(
                        clarify.getId(),
                        "requirements.xlsx",
                        Workbooks.fromCsv(FIXTURES.resolve("requirements-bad-rows.csv")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(response))
                .containsExactly(
                        "Row 3: the field \"优先级\" must be one of must/should/could, not \"urgent\".",
                        "Row 4: the requirement id REQ-PUR-001 appears more than once (first in row 2).");
        assertThat(tasks.getVariable(clarify.getId(), "requirements").toString())
                .isEqualTo(before);
        assertThat(storedRequirements()).isZero();
    }

    @Test
    void aFileThatIsNoRequirementListIsRefusedWithTheReasonAndChangesNothing() throws IOException {
        Task clarify = clarify();
        Object before = tasks.getVariable(clarify.getId(), "requirements").toString();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            out.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};

        assertThat(errors(as(CONSULTANT)
                        .upload(
                                clarify.getId(),
                                "requirements.csv",
                                Files.readAllBytes(FIXTURES.resolve("requirements-wrong-header.csv")))))
                .containsExactly(
                        "The file has no column title (or 需求名称); the header row must name it.",
                        "The file has no column priority (or 优先级); the header row must name it.");
        assertThat(errors(as(CONSULTANT).upload(clarify.getId(), "notes.xlsx", zip.toByteArray())))
                .containsExactly(
                        "The file is a zip archive but not an Excel workbook: save it from Excel as .xlsx or as CSV.");
        assertThat(errors(as(CONSULTANT).upload(clarify.getId(), "empty.csv", new byte[0])))
                .containsExactly("The file is empty: expected a header row and one row per record.");
        assertThat(errors(as(CONSULTANT).upload(clarify.getId(), "photo.png", png)))
                .anyMatch(e -> e.startsWith("The file has no column reqId (or 编号)"));
        assertThat(tasks.getVariable(clarify.getId(), "requirements").toString())
                .isEqualTo(before);
    }

    @Test
    void aWorkbookWithADoctypeOrAZipBombIsRefusedNamingTheProblemAndChangesNothing() throws IOException {
        Task clarify = clarify();
        Object before = tasks.getVariable(clarify.getId(), "requirements").toString();
        byte[] workbook = Workbooks.fromCsv(ERP.resolve("requirements.csv"));
        ByteArrayOutputStream padded = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream inflating = new ZipOutputStream(padded)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                inflating.putNextEntry(new ZipEntry(entry.getName()));
                inflating.write(in.readAllBytes());
            }
            inflating.putNextEntry(new ZipEntry("xl/media/padding.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 101; i++) {
                inflating.write(zeros);
            }
        }
        byte[] sharedStrings = HostileWorkbooks.sharedStringsBomb(workbook, 60);
        assertThat(padded.size()).isLessThan(TaskSheetController.MAX_BYTES);
        assertThat(sharedStrings.length).isLessThan(TaskSheetController.MAX_BYTES);

        assertThat(errors(
                        as(CONSULTANT).upload(clarify.getId(), "doctype.xlsx", HostileWorkbooks.withDoctype(workbook))))
                .containsExactly(
                        "The part xl/worksheets/sheet1.xml of the "
                                + "workbook declares a DOCTYPE, which Excel never writes: save the file again from Excel, or as CSV.");
        assertThat(errors(as(CONSULTANT).upload(clarify.getId(), "bomb.xlsx", padded.toByteArray())))
                .containsExactly(
                        "The part xl/media/padding.bin of the workbook unpacks to more than 100 times its packed size, as a zip "
                                + "bomb does: save the file again from Excel, or as CSV.");
        assertThat(errors(as(CONSULTANT).upload(clarify.getId(), "strings.xlsx", sharedStrings)))
                .containsExactly(
                        "The part xl/sharedStrings.xml of the workbook unpacks to more than 100 times its packed size, as a zip "
                                + "bomb does: save the file again from Excel, or as CSV.");
        assertThat(tasks.getVariable(clarify.getId(), "requirements").toString())
                .isEqualTo(before);
    }

    @Test
    void captureRequirementsTakesTheRowsOfItsDepartmentOnly() throws IOException {
        Task capture = capture("finance");

        HttpResponse<byte[]> response = as(CONSULTANT)
                .upload(capture.getId(), "requirements.xlsx", Workbooks.fromCsv(ERP.resolve("requirements.csv")));

        assertThat(json.readTree(response.body()).path("message").asText())
                .isEqualTo(
                        "4 rows loaded from requirements.xlsx: review them below and complete the task. 16 rows for departments "
                                + "outside this task left out.");
        assertThat(rows(capture, "requirements"))
                .extracting(r -> r.text("reqId"))
                .containsExactly("REQ-FIN-001", "REQ-FIN-002", "REQ-FIN-003", "REQ-FIN-004");
        // the list is the one of the department's branch, not a new variable of the process
        assertThat(runtime.getVariable(capture.getProcessInstanceId(), "requirements"))
                .isNull();
        tasks.claim(capture.getId(), CONSULTANT);
        tasks.complete(capture.getId(), Map.of("researchNotes", "Interviewed the head of finance"));
        assertThat(jdbc.sql("select req_id from requirement where project_code = ? and department = 'finance' "
                                + "order by req_id")
                        .param(code)
                        .query(String.class)
                        .list())
                .hasSize(4);
        assertThat(storedRequirements()).isEqualTo(4);
    }

    @Test
    void aClarifiedListWithAWithdrawnRequirementComesBackThroughDownloadAndUploadUnchanged() throws IOException {
        Task clarify = clarify();
        List<List<String>> customer = Workbooks.rows(Files.readString(ERP.resolve("requirements.csv")));
        customer.get(0).add("已撤回");
        for (int r = 1; r < customer.size(); r++) {
            customer.get(r).add(r == 2 ? "是" : "");
        }
        // a cell a spreadsheet would run, had it been written as a formula
        customer.get(2).set(3, "=HYPERLINK(\"http://evil.example\")");
        as(CONSULTANT).upload(clarify.getId(), "requirements.xlsx", Workbooks.of(customer));
        List<FormRow> uploaded = rows(clarify, "requirements");
        assertThat(uploaded.get(1).values()).containsEntry("withdrawn", true);

        HttpResponse<byte[]> download = as(CONSULTANT).download(clarify.getId());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("requirements-" + code + ".xlsx");
        List<List<String>> sheet = Workbooks.read(download.body());
        assertThat(sheet.get(0))
                .containsExactly(
                        "reqId",
                        "department",
                        "title",
                        "painPoint",
                        "goal",
                        "expectedEffect",
                        "priority",
                        "acceptanceCriterion",
                        "solutionMatch",
                        "withdrawn");
        assertThat(sheet).hasSize(21);
        assertThat(sheet.get(2)).contains("REQ-PUR-002", "procurement", "yes");
        HttpResponse<byte[]> again =
                as(CONSULTANT).upload(clarify.getId(), "requirements-" + code + ".xlsx", download.body());

        assertThat(again.statusCode()).as(SheetClient.text(again)).isEqualTo(200);
        assertThat(rows(clarify, "requirements")).isEqualTo(uploaded);
        assertThat(uploaded.get(1).text("painPoint")).isEqualTo("=HYPERLINK(\"http://evil.example\")");
    }

    @Test
    void theDownloadSpeaksTheReadersLanguageAndIsReadBackTheSame() throws IOException {
        Task clarify = clarify();
        as(CONSULTANT).upload(clarify.getId(), "requirements.xlsx", Workbooks.fromCsv(ERP.resolve("requirements.csv")));
        List<FormRow> uploaded = rows(clarify, "requirements");

        HttpResponse<byte[]> chinese = as(CONSULTANT).language("zh-CN,zh;q=0.9").download(clarify.getId());

        List<List<String>> sheet = Workbooks.read(chinese.body());
        assertThat(sheet.get(0))
                .containsExactly("编号", "部门", "需求名称", "现状痛点", "目标", "预期效果", "优先级", "验收标准", "方案匹配", "已撤回");
        assertThat(sheet.get(1)).endsWith("否");
        HttpResponse<byte[]> again =
                as(CONSULTANT).language("zh-CN").upload(clarify.getId(), "需求.xlsx", chinese.body());
        assertThat(json.readTree(again.body()).path("message").asText()).isEqualTo("已从 需求.xlsx 载入 20 行：请在下方核对后完成任务。");
        assertThat(rows(clarify, "requirements")).isEqualTo(uploaded);
    }

    @Test
    void testCasesComeBackThroughDownloadAndUploadAndAnUnknownRequirementIsNamed() throws IOException {
        try (var in = Files.newInputStream(ERP.resolve("requirements.csv"))) {
            assertThat(requirementImport.importCsv(code, in, CONSULTANT).ok()).isTrue();
        }
        ProcessInstance uat =
                runtime.startProcessInstanceByKey("userAcceptanceTest", code, Map.of("projectCode", code));
        Task prepare = task(uat, "UserTask_PrepareTestCases");

        HttpResponse<byte[]> upload =
                as(KEY_USER).upload(prepare.getId(), "uat.xlsx", Workbooks.fromCsv(ERP.resolve("uat-test-cases.csv")));
        assertThat(upload.statusCode()).as(SheetClient.text(upload)).isEqualTo(200);
        List<FormRow> uploaded = rows(prepare, "testCases");
        assertThat(uploaded).hasSize(20);
        assertThat(uploaded.get(0).values())
                .containsEntry("caseId", "TC-001")
                .containsEntry("requirementIds", "REQ-PUR-001")
                .containsEntry("priority", "high");
        HttpResponse<byte[]> download = as(KEY_USER).download(prepare.getId());
        assertThat(Workbooks.read(download.body()).get(0))
                .containsExactly("caseId", "title", "requirementIds", "module", "priority", "steps", "expectedResult");
        assertThat(as(KEY_USER)
                        .upload(prepare.getId(), "again.xlsx", download.body())
                        .statusCode())
                .isEqualTo(200);
        assertThat(rows(prepare, "testCases")).isEqualTo(uploaded);

        List<List<String>> bad = Workbooks.rows(Files.readString(ERP.resolve("uat-test-cases.csv")));
        bad.get(3).set(2, "REQ-XYZ-999");
        HttpResponse<byte[]> refused = as(KEY_USER).upload(prepare.getId(), "uat.xlsx", Workbooks.of(bad));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("Row 4: requirement REQ-XYZ-999 does not exist in this project.");
        assertThat(rows(prepare, "testCases")).isEqualTo(uploaded);
        assertThat(jdbc.sql("select count(*) from test_case where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theRosterIsCheckedLikeTheFormAndComesBackThroughDownloadAndUpload() throws IOException {
        TestUsers.ensure(identity, "sheetapiseed", PASSWORD, Roles.KEY_USER);
        ProcessInstance training =
                runtime.startProcessInstanceByKey("trainingPhase", code, Map.of("projectCode", code));
        Task plan = task(training, "UserTask_PlanTraining");
        String roster = """
            工号,姓名,部门,角色,登录账号,种子用户
            E0001,杨芳,采购部,操作员,sheetapiseed,是
            E0002,陈强,销售部,操作员,,否
            M0001,王磊,财务部,管理层,,
            """;

        HttpResponse<byte[]> upload =
                as(TRAINER).upload(plan.getId(), "roster.csv", roster.getBytes(StandardCharsets.UTF_8));

        assertThat(upload.statusCode()).as(SheetClient.text(upload)).isEqualTo(200);
        List<FormRow> uploaded = rows(plan, "trainees");
        assertThat(uploaded)
                .extracting(r -> r.values().get("employeeId") + " " + r.values().get("userId") + " "
                        + r.values().get("seedUser"))
                .containsExactly("E0001 sheetapiseed true", "E0002 null false", "M0001 null false");
        HttpResponse<byte[]> download = as(TRAINER).language("zh-CN").download(plan.getId());
        assertThat(Workbooks.read(download.body()))
                .containsExactly(
                        List.of("工号", "姓名", "部门", "角色", "登录账号", "种子用户"),
                        List.of("E0001", "杨芳", "采购部", "操作员", "sheetapiseed", "是"),
                        List.of("E0002", "陈强", "销售部", "操作员", "", "否"),
                        List.of("M0001", "王磊", "财务部", "管理层", "", "否"));
        assertThat(as(TRAINER)
                        .upload(plan.getId(), "trainees.xlsx", download.body())
                        .statusCode())
                .isEqualTo(200);
        assertThat(rows(plan, "trainees")).isEqualTo(uploaded);

        HttpResponse<byte[]> refused =
                as(TRAINER).upload(plan.getId(), "roster.csv", """
            employeeId,name,department,role,userId,seedUser
            E0001,Yang Fang,procurement,operator,,yes
            E0002,Chen Qiang,sales,operator,sheetapikeyuser2,maybe
            E0001,Yang Fang,procurement,operator,,no
            E0003,Luo Lei,sales,operator,sheetapitrainer,yes
            """.getBytes(StandardCharsets.UTF_8));
        assertThat(errors(refused))
                .containsExactly(
                        "Row 3: the field \"Seed user\" must be one of 是/否/yes/no, not \"maybe\".",
                        "Row 2: E0001 is marked as seed user, so the field \"Login\" is required: seed users give sessions under "
                                + "their login.",
                        "Row 3: there is no user with the login sheetapikeyuser2: pick the login from the list, or leave it empty.",
                        "Row 4: employee E0001 appears more than once.",
                        "Row 5: sheetapitrainer is not a key user: seed users are key users who train their colleagues.");
        assertThat(rows(plan, "trainees")).isEqualTo(uploaded);

        // Complete checks the uploaded roster together with the curricula of the form
        tasks.complete(
                plan.getId(),
                Variables.createVariables()
                        .putValue(
                                "curricula",
                                JsonRows.of(List.of(
                                        Map.of("name", "采购业务实操", "role", "操作员"),
                                        Map.of("name", "报表分析", "role", "管理层")))));
        assertThat(jdbc.sql("select employee_id from trainee where project_code = ? order by employee_id")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("E0001", "E0002", "M0001");
    }

    @Test
    void attendanceOfTheRosterComesBackThroughDownloadAndUploadKeepingRowsThatRecordNothingYet() throws IOException {
        Task record = recordAttendanceOfTheErpRoster();
        List<FormRow> prefilled = rows(record, "attendance");
        assertThat(prefilled).hasSize(40);

        HttpResponse<byte[]> download = as(TRAINER).download(record.getId());
        List<List<String>> sheet = Workbooks.read(download.body());
        assertThat(sheet.get(0))
                .containsExactly("employeeId", "name", "role", "course", "sessionDate", "attended", "score");
        assertThat(sheet.get(1)).containsExactly("E0001", "杨芳", "操作员", "采购业务实操", "", "no", "");
        sheet.get(1).set(4, "2026-04-19");
        sheet.get(1).set(5, "yes");
        sheet.get(1).set(6, "96");
        HttpResponse<byte[]> upload = as(TRAINER).upload(record.getId(), "attendance.xlsx", Workbooks.of(sheet));

        assertThat(upload.statusCode()).as(SheetClient.text(upload)).isEqualTo(200);
        List<FormRow> uploaded = rows(record, "attendance");
        assertThat(uploaded).hasSize(40);
        assertThat(uploaded.get(0).values())
                .containsEntry("sessionDate", "2026-04-19")
                .containsEntry("attended", true)
                .containsEntry("score", 96);
        assertThat(uploaded.subList(1, 40)).isEqualTo(prefilled.subList(1, 40));
        HttpResponse<byte[]> again = as(TRAINER)
                .upload(
                        record.getId(),
                        "attendance.xlsx",
                        as(TRAINER).download(record.getId()).body());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(rows(record, "attendance")).isEqualTo(uploaded);
        assertThat(Workbooks.read(as(TRAINER).download(record.getId()).body()).get(1))
                .containsExactly("E0001", "杨芳", "操作员", "采购业务实操", "2026-04-19", "yes", "96");

        HttpResponse<byte[]> refused =
                as(TRAINER).upload(record.getId(), "attendance.csv", """
            工号,姓名,角色,课程,场次日期,是否出勤,考核成绩
            E0001,杨芳,操作员,采购业务实操,2026-04-19,是,96
            E9999,张三,操作员,采购业务实操,2026-04-19,是,70
            E0002,陈强,操作员,销售业务实操,2026-13-01,否,
            E0003,罗磊,操作员,销售业务实操,2026-04-11,否,61
            """.getBytes(StandardCharsets.UTF_8));
        assertThat(errors(refused))
                .containsExactly(
                        "Row 4: the field \"Session date\" must be a date (YYYY-MM-DD), not \"2026-13-01\".",
                        "Row 5: E0003 did not attend, so there can be no score. Tick \"Attended\" or clear the score.",
                        "Row 3: employee E9999 is not on the training roster: add the trainee in the training plan first.");
        assertThat(rows(record, "attendance")).isEqualTo(uploaded);
    }

    @Test
    void aListLongerThanTheFormShowsIsRefused() throws IOException {
        Task clarify = clarify();
        StringBuilder csv = new StringBuilder("reqId,department,title,priority\n");
        for (int i = 1; i <= 101; i++) {
            csv.append("REQ-FIN-")
                    .append(i)
                    .append(",finance,Requirement ")
                    .append(i)
                    .append(",could\n");
        }

        HttpResponse<byte[]> response = as(CONSULTANT)
                .upload(clarify.getId(), "long.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(errors(response))
                .containsExactly("The file has 101 rows, but the list of a task holds at most 100: "
                        + "load a larger list with the REST import of the project, or split it.");
    }

    @Test
    void onlyThePeopleWhoMayWorkOnTheTaskGetItsSheet() {
        Task clarify = clarify();
        byte[] file = Workbooks.fromCsv(ERP.resolve("requirements.csv"));

        // a PMO is no candidate of the consultants' task; an auditor reads tasks but works on none
        assertThat(as(PMO).download(clarify.getId()).statusCode()).isEqualTo(403);
        assertThat(as(PMO).upload(clarify.getId(), "r.xlsx", file).statusCode()).isEqualTo(403);
        assertThat(as(AUDITOR).download(clarify.getId()).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> auditor = as(AUDITOR).upload(clarify.getId(), "r.xlsx", file);
        assertThat(auditor.statusCode()).isEqualTo(403);
        assertThat(errors(auditor))
                .containsExactly(
                        "Auditors read and change nothing: only the people working on a task upload its list.");
        assertThat(SheetClient.basic(port, null, null).download(clarify.getId()).statusCode())
                .isEqualTo(401);
        // claimed, the task is its assignee's
        tasks.claim(clarify.getId(), CONSULTANT);
        HttpResponse<byte[]> other = as(OTHER_CONSULTANT).upload(clarify.getId(), "r.xlsx", file);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(errors(other))
                .containsExactly("The task \"Clarify requirements\" is claimed by " + CONSULTANT
                        + ": only they may download or upload its list.");
        assertThat(as(CONSULTANT).download(clarify.getId()).statusCode()).isEqualTo(200);
        assertThat(rows(clarify, "requirements")).isEmpty();

        HttpResponse<byte[]> unknown = as(CONSULTANT).download("no-such-task");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(errors(unknown))
                .containsExactly("There is no open task no-such-task: it may have been completed already.");
        ProcessInstance matching = runtime.createProcessInstanceByKey("requirementsPhase")
                .businessKey(code)
                .setVariable("projectCode", code)
                .startBeforeActivity("UserTask_MatchSolutions")
                .execute();
        HttpResponse<byte[]> noSheet = as(CONSULTANT)
                .download(task(matching, "UserTask_MatchSolutions").getId());
        assertThat(noSheet.statusCode()).isEqualTo(404);
        assertThat(errors(noSheet))
                .containsExactly(
                        "The task \"Match requirements to solutions\" has no list to download or upload as Excel.");
    }

    @Test
    void theTasklistSessionWorksOnlyWithItsCsrfToken() {
        Task clarify = clarify();
        byte[] file = Workbooks.fromCsv(ERP.resolve("requirements.csv"));
        SheetClient browser = SheetClient.tasklistSession(port, CONSULTANT, PASSWORD);

        // what another site can make a logged-in browser send: the cookie, no token
        HttpResponse<byte[]> forged = browser.upload(clarify.getId(), "r.xlsx", file);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(errors(forged).get(0)).contains("X-XSRF-TOKEN");
        assertThat(browser.download(clarify.getId()).statusCode()).isEqualTo(403);
        assertThat(browser.withCsrfToken("0123456789ABCDEF0123456789ABCDEF")
                        .upload(clarify.getId(), "r.xlsx", file)
                        .statusCode())
                .isEqualTo(403);
        assertThat(rows(clarify, "requirements")).isEmpty();

        SheetClient page =
                SheetClient.tasklistSession(port, CONSULTANT, PASSWORD).withCsrfToken();
        HttpResponse<byte[]> upload = page.upload(clarify.getId(), "r.xlsx", file);
        assertThat(upload.statusCode()).as(SheetClient.text(upload)).isEqualTo(200);
        assertThat(rows(clarify, "requirements")).hasSize(20);
        assertThat(page.download(clarify.getId()).statusCode()).isEqualTo(200);
        // the session opens the task sheets only, and only to the people who may work on the task
        assertThat(SheetClient.tasklistSession(port, PMO, PASSWORD)
                        .withCsrfToken()
                        .download(clarify.getId())
                        .statusCode())
                .isEqualTo(403);
    }

    private Task clarify() {
        ProcessInstance phase = runtime.createProcessInstanceByKey("requirementsPhase")
                .businessKey(code)
                .setVariable("projectCode", code)
                .startBeforeActivity("UserTask_ClarifyRequirements")
                .execute();
        return task(phase, "UserTask_ClarifyRequirements");
    }

    /** The department's capture task, after its three research sessions. */
    private Task capture(String department) {
        ProcessInstance phase =
                runtime.startProcessInstanceByKey("requirementsPhase", code, Map.of("projectCode", code));
        for (String research :
                List.of("UserTask_InterviewDepartment", "UserTask_RunQuestionnaire", "UserTask_MapProcesses")) {
            Task task =
                    tasks.createTaskQuery().processInstanceId(phase.getId()).taskDefinitionKey(research).list().stream()
                            .filter(t -> department.equals(tasks.getVariable(t.getId(), "department")))
                            .findFirst()
                            .orElseThrow();
            tasks.claim(task.getId(), CONSULTANT);
            tasks.complete(task.getId(), Map.of("heldOn", "2026-03-02", "participants", "Head of " + department));
        }
        return tasks
                .createTaskQuery()
                .processInstanceId(phase.getId())
                .taskDefinitionKey("UserTask_CaptureRequirements")
                .list()
                .stream()
                .filter(t -> department.equals(tasks.getVariable(t.getId(), "department")))
                .findFirst()
                .orElseThrow();
    }

    /** The customer's curricula and attendance sheet stored, then the training phase at "Record attendance". */
    private Task recordAttendanceOfTheErpRoster() throws IOException {
        curricula.plan(
                code,
                List.of(
                        new TrainingCurricula.Planned("采购业务实操", "操作员", "采购部", 60, null),
                        new TrainingCurricula.Planned("仓储业务实操", "操作员", "仓储部", 60, null),
                        new TrainingCurricula.Planned("生产业务实操", "操作员", "生产部", 60, null),
                        new TrainingCurricula.Planned("财务业务实操", "操作员", "财务部", 60, null),
                        new TrainingCurricula.Planned("销售业务实操", "操作员", "销售部", 60, null),
                        new TrainingCurricula.Planned("报表分析", "管理层", null, 60, null)));
        // the roster only: the attendance records of the customer's sheet are not needed here
        List<List<String>> sheet = Workbooks.rows(Files.readString(ERP.resolve("training-attendance.csv")));
        List<List<String>> absent = new ArrayList<>();
        for (List<String> row : sheet) {
            absent.add(
                    row == sheet.get(0)
                            ? row
                            : List.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), "否", ""));
        }
        attendanceImport.importCsv(code, new ByteArrayInputStream(Workbooks.of(absent)), TRAINER);
        ProcessInstance training = runtime.createProcessInstanceByKey("trainingPhase")
                .businessKey(code)
                .setVariable("projectCode", code)
                .startBeforeActivity("UserTask_RecordAttendance")
                .execute();
        return task(training, "UserTask_RecordAttendance");
    }

    private Task task(ProcessInstance instance, String activity) {
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(activity)
                .singleResult();
    }

    private List<FormRow> rows(Task task, String variable) {
        return JsonRows.read(tasks.getVariable(task.getId(), variable));
    }

    private int storedRequirements() {
        return jdbc.sql("select count(*) from requirement where project_code = ?")
                .param(code)
                .query(Integer.class)
                .single();
    }

    private SheetClient as(String user) {
        return SheetClient.basic(port, user, PASSWORD);
    }

    private List<String> errors(HttpResponse<byte[]> response) {
        try {
            JsonNode body = json.readTree(response.body());
            List<String> errors = new ArrayList<>();
            body.path("errors").forEach(e -> errors.add(e.asText()));
            return errors;
        } catch (IOException e) {
            throw new AssertionError(response.statusCode() + " " + SheetClient.text(response), e);
        }
    }
}
