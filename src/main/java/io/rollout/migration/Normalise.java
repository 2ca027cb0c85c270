package io.rollout.migration;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How values are compared by normalised duplicate detection: Unicode white space stripped and runs of it
 * collapsed, full-width letters, digits and punctuation made half-width (NFKC: {@code Ｃ００８} →
 * {@code C008}), lower case.
 */
final class Normalise {

    private Normalise() {}

    /** A value with leading and trailing white space removed, also the ideographic space U+3000. */
    static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** The comparison form of a value. */
    static String forComparison(String value) {
        String text = strip(value);
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (!ascii) {
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        text = text.toLowerCase(Locale.ROOT);
        return text.indexOf(' ') < 0 && text.indexOf('\t') < 0 ? text : text.replaceAll("\\s+", " ");
    }

    /** The column name as a header is compared with the dataset's columns: stripped and half-width. */
    static String header(String name) {
        return Normalizer.normalize(strip(name), Normalizer.Form.NFKC);
    }
}
