package io.rollout.tasksheet;

import io.rollout.shared.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Excel from inside a task's form (the page {@code /task-sheet/} in the iframe of the forms listed at
 * {@link TaskSheet}); basic auth or the Tasklist session with its CSRF token ({@code identity.WebSecurity}):
 *
 * <ul>
 *   <li>{@code GET /api/tasks/{taskId}/sheet.xlsx}: the task's current rows as a workbook with the import's headers.</li>
 *   <li>{@code POST /api/tasks/{taskId}/sheet} (multipart {@code file}, CSV or .xlsx, at most
 *       {@value #MAX_BYTES} bytes): replaces the rows of the task's list after the import's checks; 200
 *       {@code {"rows", "skipped", "message"}}, 400 {@code {"errors"}} naming every bad row and column (nothing
 *       changes).</li>
 * </ul>
 * 403 when the user may not work on the task (auditors never upload), 404 for no open task or a task without a sheet.
 */
@RestController
class TaskSheetController {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TaskSheets sheets;
    private final Messages messages;

    TaskSheetController(TaskSheets sheets, Messages messages) {
        this.sheets = sheets;
        this.messages = messages;
    }

    @GetMapping("/api/tasks/{taskId}/sheet.xlsx")
    ResponseEntity<byte[]> download(@PathVariable String taskId) {
        TaskSheets.Open open = sheets.open(taskId, false);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(sheets.fileName(open), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(sheets.workbook(open));
    }

    @PostMapping(path = "/api/tasks/{taskId}/sheet", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> upload(@PathVariable String taskId, @RequestParam("file") MultipartFile file)
            throws IOException {
        TaskSheets.Open open = sheets.open(taskId, true);
        if (file.getSize() > MAX_BYTES) {
            throw messages.reject("tasksheet.file.tooLarge", file.getSize(), MAX_BYTES / (1024 * 1024));
        }
        TaskSheet.Upload upload = sheets.upload(open, file.getBytes());
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? messages.get("tasksheet.file.unnamed")
                        : file.getOriginalFilename();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rows", upload.rows().size());
        answer.put("skipped", upload.skipped());
        answer.put(
                "message",
                messages.get("tasksheet.loaded", upload.rows().size(), name)
                        + (upload.skipped() > 0 ? " " + messages.get("tasksheet.skipped", upload.skipped()) : ""));
        return answer;
    }
}
