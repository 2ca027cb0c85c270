package io.rollout.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The audit trail as a PDF an auditor can file: project, period, when and for whom it was made, one entry per
 * event (time, type, event, phase, subject, who, detail; long text wrapped), page numbers, and on the last page
 * the SHA-256 of the report's content — its entry lines as printed — so a copy can be checked later. Headings, labels,
 * times and the codes of type, event and phase are in the reader's language (keys {@code audit.report.*} and the
 * audit page's {@code pages.audit.*} labels); times as the reader writes them, in UTC. Chinese and English text alike
 * is set in the embedded Noto Sans SC subset ({@code fonts/}), which has the Latin glyphs too.
 */
@Component
class TimelineReport {

    static final float MARGIN = 40;
    static final float SIZE = 8.5f;
    static final float LEADING = 11.5f;

    /** What the report is about. */
    record Heading(
            String title,
            String projectCode,
            String projectName,
            Instant from,
            Instant to,
            String filters,
            String generatedBy,
            Instant generatedAt) {}

    private final MessageSource messages;

    TimelineReport(MessageSource messages) {
        this.messages = messages;
    }

    byte[] pdf(Heading heading, List<TimelineEvent> events) throws IOException {
        Locale reader = LocaleContextHolder.getLocale();
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(reader)
                .withZone(ZoneOffset.UTC);
        List<String> lines = new ArrayList<>();
        for (TimelineEvent e : events) {
            lines.add(String.join(
                    " | ",
                    time.format(e.at()) + " UTC",
                    label("pages.audit.type.", e.type(), reader),
                    label("pages.audit.event.", nz(e.event()), reader),
                    e.phase() == null ? "" : label("pages.common.phase.", e.phase(), reader),
                    nz(e.subject()),
                    nz(e.person()),
                    nz(e.detail())));
        }
        String hash = sha256(String.join("\n", lines));
        try (PDDocument document = new PDDocument();
                InputStream font = new ClassPathResource("fonts/NotoSansSC-Regular-GB2312.ttf").getInputStream()) {
            PDType0Font type = PDType0Font.load(document, font, true);
            Writer writer = new Writer(document, type, text("audit.report.footer", reader));
            heading(writer, heading, events.size(), time, reader);
            for (String line : lines) {
                writer.wrapped(line);
            }
            writer.gap();
            writer.line(text("audit.report.hash", reader), 8.5f);
            writer.line(hash, 8.5f);
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    // title, project, period and filters, who it was made for and when
    private void heading(Writer writer, Heading heading, int entries, DateTimeFormatter time, Locale reader)
            throws IOException {
        writer.line(heading.title(), 14);
        writer.line(text("audit.report.project", reader, heading.projectCode(), nz(heading.projectName())), 10);
        String from =
                heading.from() == null ? text("audit.report.beginning", reader) : time.format(heading.from()) + " UTC";
        String to = time.format(heading.to() == null ? heading.generatedAt() : heading.to()) + " UTC";
        String filters = heading.filters().isEmpty() ? "" : text("audit.report.filters", reader, heading.filters());
        writer.line(text("audit.report.period", reader, from, to) + filters, 10);
        String at = time.format(heading.generatedAt()) + " UTC";
        writer.line(text("audit.report.generated", reader, at, heading.generatedBy(), entries), 10);
        writer.gap();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String code, Locale reader, Object... args) {
        return messages.getMessage(code, args, reader);
    }

    // the label of a code when there is one (types, events, phases), else the code (decision names are ids)
    private String label(String prefix, String code, Locale reader) {
        return messages.getMessage(prefix + code, null, code, reader);
    }

    private static String nz(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** Lays out lines on A4 pages, wrapping long ones and numbering the pages. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private final String footer;
        private PDPageContentStream stream;
        private float y;
        private int pages;

        // footer: a pattern with the page number as {0}
        Writer(PDDocument document, PDType0Font font, String footer) throws IOException {
            this.document = document;
            this.font = font;
            this.footer = footer;
            newPage();
        }

        void line(String text, float size) throws IOException {
            for (String part : wrap(printable(text), size)) {
                write(part, size);
            }
        }

        void wrapped(String text) throws IOException {
            line(text, SIZE);
        }

        void gap() {
            y -= LEADING;
        }

        void close() throws IOException {
            footer();
            stream.close();
        }

        private void write(String text, float size) throws IOException {
            if (y < MARGIN + 2 * LEADING) {
                footer();
                stream.close();
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(text);
            stream.endText();
            y -= size > SIZE ? size * 1.4f : LEADING;
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
            pages++;
        }

        private void footer() throws IOException {
            stream.beginText();
            stream.setFont(font, 7);
            stream.newLineAtOffset(MARGIN, MARGIN / 2);
            stream.showText(printable(MessageFormat.format(footer, pages)));
            stream.endText();
        }

        private List<String> wrap(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (font.getStringWidth(current + ch) / 1000 * size > width && current.length() > 0) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                current.append(ch);
                i += Character.charCount(cp);
            }
            if (current.length() > 0 || parts.isEmpty()) {
                parts.add(current.toString());
            }
            return parts;
        }

        // characters the embedded font cannot show are printed as '?'
        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
