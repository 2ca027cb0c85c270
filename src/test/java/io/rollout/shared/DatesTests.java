package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DatesTests {

    @Test
    void datesAreIsoAndTimesAreIsoToTheMinuteInTheServersZone() {
        LocalDateTime local = LocalDateTime.of(2026, 5, 4, 16, 30, 59);
        assertThat(Dates.date(LocalDate.of(2026, 5, 4))).isEqualTo("2026-05-04");
        assertThat(Dates.time(local.atZone(ZoneId.systemDefault()).toInstant())).isEqualTo("2026-05-04 16:30");
        assertThat(Dates.date(local.atZone(ZoneId.systemDefault()).toInstant())).isEqualTo("2026-05-04");
        assertThat(Dates.time(local)).isEqualTo("2026-05-04 16:30");
        assertThat(Dates.date((LocalDate) null)).isEmpty();
    }
}
