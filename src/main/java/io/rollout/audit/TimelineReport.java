package io.rollout.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The audit trail as a PDF an auditor can file: project, period, when and for whom it was made, one entry per
 * event (time, type, event, phase, subject, who, detail; long text wrapped), page numbers, and on the last page
 * the SHA-256 of the report's content — the same lines as the CSV — so a copy can be checked later. Chinese text
 * is set in the embedded Noto Sans SC subset ({@code fonts/}).
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

    byte[] pdf(Heading heading, List<TimelineEvent> events) throws IOException {
        List<String> lines = new ArrayList<>();
        for (TimelineEvent e : events) {
            lines.add(String.join(
                    " | ",
                    e.at().toString(),
                    e.type(),
                    nz(e.event()),
                    nz(e.phase()),
                    nz(e.subject()),
                    nz(e.person()),
                    nz(e.detail())));
        }
        String hash = sha256(String.join("\n", lines));
        try (PDDocument document = new PDDocument();
                InputStream font = new ClassPathResource("fonts/NotoSansSC-Regular-GB2312.ttf").getInputStream()) {
            PDType0Font type = PDType0Font.load(document, font, true);
            Writer writer = new Writer(document, type);
            writer.line(heading.title(), 14);
            writer.line("Project: " + heading.projectCode() + " — " + nz(heading.projectName()), 10);
            writer.line(
                    "Period: " + (heading.from() == null ? "beginning" : heading.from()) + " to "
                            + (heading.to() == null ? heading.generatedAt() : heading.to())
                            + (heading.filters().isEmpty() ? "" : "; filters: " + heading.filters()),
                    10);
            writer.line(
                    "Generated " + heading.generatedAt() + " for " + heading.generatedBy() + "; " + events.size()
                            + " entries",
                    10);
            writer.gap();
            for (String line : lines) {
                writer.wrapped(line);
            }
            writer.gap();
            writer.line("Content hash (SHA-256 of the entries, one per line as above):", 8.5f);
            writer.line(hash, 8.5f);
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** Lays out lines on A4 pages, wrapping long ones and numbering the pages. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private PDPageContentStream stream;
        private float y;
        private int pages;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
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
            stream.showText("Rollout audit trail — page " + pages);
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
