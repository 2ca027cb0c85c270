package io.rollout.shared;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Reading single values that a Camunda Form or a REST client submits (text, yes/no), refusing a
 * submission, and making user text safe for a form's Markdown text component. Used by the task
 * listeners of every feature.
 */
public final class FormInput {

    private FormInput() {}

    /**
     * Trimmed text of a variable, {@code null} when missing or blank (also when only Unicode white
     * space, which {@link String#trim()} keeps).
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isBlank() ? null : text;
    }

    /**
     * A yes/no decision as a form submits it (radio or select {@code yes}/{@code no}, checkbox boolean) or
     * a REST client sends it ({@code true}/{@code false}, any case): {@code null} when missing or anything
     * else.
     */
    public static Boolean yesNo(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value == null ? "" : value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * A number as a form submits it (a number field sends a number, a REST client may send text) or as it was
     * prefilled: {@code null} when missing or blank; {@link NumberFormatException} when it is not a number. The
     * value is kept as typed — 2.8 stays 2.8 — so a rule can refuse what it cannot store instead of cutting it.
     */
    public static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return new BigDecimal(value.toString().trim());
    }

    /**
     * A number to prefill into a form's number field: a {@code Long} when whole, else a {@code Double}, so the
     * engine stores a number Tasklist shows (never a Java-serialised {@code BigDecimal}); {@code null} stays null.
     */
    public static Number formNumber(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0 ? (Number) plain.longValueExact() : (Number) plain.doubleValue();
    }

    /** User text made safe to place inside Markdown shown by a form's text component. */
    public static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if ("\\`*_{}[]()<>#|!~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Refuses a submission with every problem, one per line: Tasklist shows the text on the form, the
     * REST API answers 400, and the transaction rolls back so nothing is stored.
     *
     * @param problems the problems, already in the user's language
     */
    public static BadUserRequestException refusal(List<String> problems) {
        return RejectedInput.of(String.join("\n", problems));
    }

    /** Throws {@link #refusal(List)} when there is any problem; does nothing otherwise. */
    public static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
    }
}
