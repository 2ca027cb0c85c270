package io.rollout.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * The one way dates and times are written in texts a person reads (form texts, task names, findings, pages,
 * exports): ISO dates {@code 2026-05-04} and minutes {@code 2026-05-04 16:30} in the server's time zone, the
 * zone Tasklist names at its foot. The same in English and Chinese, and what the date fields accept.
 */
public final class Dates {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private Dates() {}

    /** {@code 2026-05-04}; empty for {@code null}. */
    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** {@code 2026-05-04}, the day of an instant in the server's zone; empty for {@code null}. */
    public static String date(Instant instant) {
        return instant == null
                ? ""
                : instant.atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }

    /** {@code 2026-05-04 16:30} in the server's zone; empty for {@code null}. */
    public static String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** {@code 2026-05-04 16:30} of a date-time that already has its zone or is local; empty for {@code null}. */
    public static String time(TemporalAccessor dateTime) {
        return dateTime == null ? "" : MINUTES.format(dateTime);
    }
}
