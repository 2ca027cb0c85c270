package io.rollout.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The character encoding of a CSV extract, from its first bytes: a byte order mark wins; otherwise
 * juniversalchardet decides between UTF-8 and the Chinese GB family (read as GB18030, the superset
 * of GBK and GB2312 that Chinese Excel writes). Valid UTF-8 is UTF-8; a short sample with only a few
 * Chinese characters that decodes as GB18030 is GB18030. Anything else, or binary content, is refused:
 * a wrong guess would load garbled names into the new system.
 *
 * @param charset   the encoding to decode with
 * @param bomLength bytes of the byte order mark to skip
 */
record TextEncoding(Charset charset, int bomLength) {

    /** How many leading bytes are inspected. */
    static final int SAMPLE = 64 * 1024;

    static final Charset GB18030 = Charset.forName("GB18030");
    /** Fewer non-ASCII bytes than this are too little evidence for the detector. */
    static final int FEW = 64;

    /** Detects the encoding of the sample; refuses binary data and encodings other than UTF-8 and GB. */
    static TextEncoding detect(byte[] sample, int length) {
        if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (length >= 2 && (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        for (int i = 0; i < length; i++) {
            if (sample[i] == 0) {
                throw new ExtractException("migration.extract.binary");
            }
        }
        // valid UTF-8 with non-ASCII content is practically never anything else
        if (decodes(StandardCharsets.UTF_8, sample, length)) {
            return new TextEncoding(StandardCharsets.UTF_8, 0);
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(sample, 0, length);
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        String name = detected == null ? "" : detected.toUpperCase(Locale.ROOT);
        if (name.startsWith("GB") || name.equals("HZ-GB-2312")) {
            return new TextEncoding(GB18030, 0);
        }
        // a few Chinese characters give the detector too little to go on (it may say KOI8-R); the files
        // Rollout reads are UTF-8 or GBK, so a short sample that is valid GB18030 is read as such
        if (nonAscii(sample, length) < FEW && decodes(GB18030, sample, length)) {
            return new TextEncoding(GB18030, 0);
        }
        throw new ExtractException("migration.extract.encoding", detected == null ? "?" : detected);
    }

    /** Reads the sample of a stream (the stream is consumed). */
    static TextEncoding detect(InputStream in) throws IOException {
        byte[] sample = in.readNBytes(SAMPLE);
        return detect(sample, trimIncompleteTail(sample));
    }

    /** The decoder that marks bytes it cannot decode with U+FFFD, so a reader can name their row. */
    java.nio.charset.CharsetDecoder replacingDecoder() {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("\uFFFD");
    }

    private static int nonAscii(byte[] sample, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (sample[i] < 0) {
                count++;
            }
        }
        return count;
    }

    private static boolean decodes(Charset charset, byte[] sample, int length) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // A sample cut in the middle of a multi-byte character must not look undecodable: end it at the last
    // line break when there is one.
    private static int trimIncompleteTail(byte[] sample) {
        if (sample.length < SAMPLE) {
            return sample.length;
        }
        for (int i = sample.length - 1; i > 0; i--) {
            if (sample[i] == '\n') {
                return i + 1;
            }
        }
        return sample.length;
    }
}
