package io.rollout.audit;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.shared.CsvCells;
import io.rollout.shared.Messages;
import io.rollout.shared.Translations;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit timeline of a project ({@link AuditTimeline}), read-only: {@code GET /api/projects/{code}/timeline}
 * as JSON and {@code .../timeline.csv} as a download, filtered by {@code phase} (process key), {@code person},
 * {@code from} / {@code to} (ISO date or instant; {@code to} excluded) and {@code type} (comma-separated).
 * For auditors, the PMO and the steering committee: they see the whole project, whatever the engine grants
 * them per process; 403 for other roles, 401 without credentials, 404 for an unknown project, 400 for a
 * filter that cannot be read. Texts stored in English (task and process names, decision subjects and findings,
 * details) come in the reader's language ({@link Translations}), as do the CSV's column titles and the PDF; the CSV
 * keeps its machine columns as they are: {@code at} an ISO-8601 instant in UTC, type, event and phase the codes the
 * filters take, the process instance id.
 */
@RestController
class TimelineController {

    static final List<String> READERS = List.of(Roles.AUDITOR, Roles.PMO, Roles.STEERING_COMMITTEE);
    static final List<String> COLUMNS =
            List.of("at", "type", "event", "phase", "subject", "person", "detail", "processInstanceId");

    private final AuditTimeline timeline;
    private final TimelineReport report;
    private final CurrentUser user;
    private final AuditRepository stored;
    private final Messages messages;
    private final Translations translations;

    TimelineController(
            AuditTimeline timeline,
            TimelineReport report,
            CurrentUser user,
            AuditRepository stored,
            Messages messages,
            Translations translations) {
        this.timeline = timeline;
        this.report = report;
        this.user = user;
        this.stored = stored;
        this.messages = messages;
        this.translations = translations;
    }

    @GetMapping("/api/projects/{code}/timeline")
    List<TimelineEvent> json(
            @PathVariable String code,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String type) {
        return events(code, filter(code, phase, person, from, to, type));
    }

    @GetMapping("/api/projects/{code}/timeline.csv")
    ResponseEntity<byte[]> csv(
            @PathVariable String code,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String type)
            throws IOException {
        List<TimelineEvent> events = events(code, filter(code, phase, person, from, to, type));
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(COLUMNS.stream().map(c -> messages.get("audit.csv.column." + c)));
            for (TimelineEvent e : events) {
                printer.printRecord(Arrays.stream(new String[] {
                            String.valueOf(e.at()),
                            e.type(),
                            e.event(),
                            e.phase(),
                            e.subject(),
                            e.person(),
                            e.detail(),
                            e.processInstanceId()
                        })
                        .map(CsvCells::safe)
                        .toList());
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        headers.setContentDisposition(
                ContentDisposition.attachment().filename(code + "-timeline.csv").build());
        return new ResponseEntity<>(out.toString().getBytes(StandardCharsets.UTF_8), headers, HttpStatus.OK);
    }

    @GetMapping("/api/projects/{code}/timeline.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable String code,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String type)
            throws IOException {
        AuditTimeline.Filter filter = filter(code, phase, person, from, to, type);
        List<TimelineEvent> events = events(code, filter);
        boolean decisionsOnly = filter.types().equals(List.of("decision"));
        String name = stored.projectName(code);
        List<String> filters = new java.util.ArrayList<>();
        for (String[] f : new String[][] {{"phase", phase}, {"person", person}, {"type", type}}) {
            if (!blank(f[1])) {
                filters.add(f[0] + "=" + f[1]);
            }
        }
        byte[] pdf = report.pdf(
                new TimelineReport.Heading(
                        messages.get(decisionsOnly ? "audit.report.title.decisions" : "audit.report.title.timeline"),
                        code,
                        name,
                        filter.from(),
                        filter.to(),
                        String.join(", ", filters),
                        user.id(),
                        Instant.now()),
                events);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(code + (decisionsOnly ? "-decisions.pdf" : "-timeline.pdf"))
                .build());
        return new ResponseEntity<>(pdf, headers, HttpStatus.OK);
    }

    // the project's timeline with its stored English texts in the reader's language
    private List<TimelineEvent> events(String code, AuditTimeline.Filter filter) {
        Locale reader = LocaleContextHolder.getLocale();
        UnaryOperator<String> text = s -> s == null || s.isBlank() ? s : translations.text(s, reader);
        return user.readAsApplication(() -> timeline.of(code, filter, text));
    }

    private AuditTimeline.Filter filter(String code, String phase, String person, String from, String to, String type) {
        user.requireAnyOf(READERS);
        if (!stored.projectExists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("audit.project.notFound", code));
        }
        List<String> types = blank(type)
                ? List.of()
                : Arrays.stream(type.split(",")).map(String::trim).toList();
        for (String t : types) {
            if (!TimelineEvent.TYPES.contains(t)) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST,
                        messages.get("audit.timeline.type", t, String.join(", ", TimelineEvent.TYPES)));
            }
        }
        return new AuditTimeline.Filter(
                blank(phase) ? null : phase,
                blank(person) ? null : person,
                instant("from", from, false),
                instant("to", to, true),
                types);
    }

    // a date means the start of that day (UTC) for "from" and the start of the next day for "to"
    private Instant instant(String name, String value, boolean end) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneId.of("UTC"))
                        .toInstant();
            } catch (DateTimeParseException notDate) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, messages.get("audit.timeline.time", name, value));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
