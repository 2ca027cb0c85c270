package io.rollout.shared;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Looks through an .xlsx file (a zip of XML parts) as a stream, in constant memory, before a reader opens it, and
 * names the first reason to refuse it: a part that unpacks to more than {@value #MAX_RATIO} times its packed size
 * (a zip bomb: repetitive content that a parser would hold in memory), parts that unpack to more than a limit in
 * all, a DOCTYPE in any XML part (Excel never writes one; it is how entity expansion and external entities get in),
 * or more cells or shared strings than a limit. POI loads a whole workbook into memory and fastexcel-reader its
 * shared strings, so these limits are what bounds the memory an upload can take. Used by {@link SpreadsheetSource}
 * (the imports and the task sheet) and by the migration's extract check.
 */
public final class WorkbookGuard {

    /** Unpacked bytes per packed byte above which a part is taken for a zip bomb; Excel's parts stay far below. */
    public static final int MAX_RATIO = 100;

    /** Unpacked bytes a part may have before the ratio counts, so tiny highly compressible parts pass. */
    private static final long RATIO_GRACE = 1024 * 1024;

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // the DOCTYPE is reported as an event but never read: no entity is expanded, nothing is fetched
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /**
     * What a workbook may hold.
     *
     * @param maxUnpackedBytes what all parts may unpack to together
     * @param maxCells         cells of all sheets; 0 = not counted (a streaming reader holds one row at a time)
     * @param maxStrings       entries of the shared-strings table, which every reader holds in memory
     */
    public record Limits(long maxUnpackedBytes, int maxCells, int maxStrings) {}

    private WorkbookGuard() {}

    /**
     * The first reason to refuse the zip, empty when it is within the limits (or not a zip at all: the reader
     * decides then). Problems: {@code form.file.zipBomb} (part), {@code form.file.unpackedTooLarge} (MB),
     * {@code form.file.doctype} (part), {@code form.file.tooManyCells} (limit).
     */
    public static Optional<Problem> check(InputStream zip, Limits limits) {
        Counting packed = new Counting(zip);
        long total = 0;
        int cells = 0;
        int strings = 0;
        try (ZipInputStream in = new ZipInputStream(packed)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                Part part = new Part(in, packed, name, total, limits.maxUnpackedBytes());
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml")) {
                    boolean sheet = lower.startsWith("xl/worksheets/");
                    boolean sharedStrings = lower.equals("xl/sharedstrings.xml");
                    String counted = sheet && limits.maxCells() > 0 ? "c" : sharedStrings ? "si" : null;
                    int found = scanXml(part, counted);
                    if (sheet) {
                        cells += found;
                    } else if (sharedStrings) {
                        strings += found;
                    }
                    if (limits.maxCells() > 0 && cells > limits.maxCells()) {
                        return Optional.of(Problem.of("form.file.tooManyCells", limits.maxCells()));
                    }
                    if (strings > limits.maxStrings()) {
                        return Optional.of(Problem.of("form.file.tooManyCells", limits.maxStrings()));
                    }
                }
                part.drain();
                total = part.totalSoFar();
            }
        } catch (Refused refused) {
            return Optional.of(refused.problem);
        } catch (IOException | IllegalArgumentException e) {
            // not readable as a zip here: the reader decides and names the problem
        }
        return Optional.empty();
    }

    // Counts the start elements with the local name `counted` (null: reads the prolog only); refuses a DOCTYPE.
    private static int scanXml(Part part, String counted) {
        int count = 0;
        XMLStreamReader reader = null;
        try {
            reader = XML.createXMLStreamReader(part);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new Refused(Problem.of("form.file.doctype", part.name));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (counted == null) {
                        // a DOCTYPE comes before the root element: the rest is only unpacked, not parsed
                        return 0;
                    }
                    if (counted.equals(reader.getLocalName())) {
                        count++;
                    }
                }
            }
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof Refused refused) {
                throw refused;
            }
            // broken XML: the reader refuses it with its own reason
        } finally {
            close(reader);
        }
        return count;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // closing a reader over a stream that stays open releases nothing
            }
        }
    }

    /** Why a workbook is refused, thrown from inside the XML parser's reads. */
    private static final class Refused extends RuntimeException {

        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.toString(), null, false, false);
            this.problem = problem;
        }
    }

    /** The packed bytes read so far from the file (ahead of the inflater by at most its buffer). */
    private static final class Counting extends FilterInputStream {

        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the caller owns the file's stream
        }
    }

    /** One part as it is unpacked, refused as soon as it or all parts together grow beyond the limits. */
    private static final class Part extends InputStream {

        private final ZipInputStream zip;
        private final Counting packed;
        private final String name;
        private final long packedAtStart;
        private final long totalBefore;
        private final long maxTotal;
        private long unpacked;

        Part(ZipInputStream zip, Counting packed, String name, long totalBefore, long maxTotal) {
            this.zip = zip;
            this.packed = packed;
            this.name = name;
            this.packedAtStart = packed.count;
            this.totalBefore = totalBefore;
            this.maxTotal = maxTotal;
        }

        long totalSoFar() {
            return totalBefore + unpacked;
        }

        void drain() throws IOException {
            byte[] buffer = new byte[64 * 1024];
            while (read(buffer, 0, buffer.length) > 0) {
                // counted and checked in read
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = zip.read(b, off, len);
            if (n > 0) {
                unpacked += n;
                // the inflater reads ahead in blocks of 512 bytes: give the packed count that much slack
                long packedBytes = packed.count - packedAtStart + 1024;
                if (unpacked > RATIO_GRACE && unpacked > MAX_RATIO * packedBytes) {
                    throw new Refused(Problem.of("form.file.zipBomb", name, MAX_RATIO));
                }
                if (totalBefore + unpacked > maxTotal) {
                    throw new Refused(Problem.of("form.file.unpackedTooLarge", maxTotal / (1024 * 1024)));
                }
            }
            return n;
        }
    }
}
