package io.rollout.programme;

import io.rollout.shared.ForModels;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The phase numbers of a programme, read from its stored phases when {@code SubProcess_Phase} of {@code programme}
 * starts ({@code camunda:collection="${programmePhases.numbers(programmeCode)}"}), so no list is kept in a process
 * variable.
 */
@ForModels
@Component("programmePhases")
public class ProgrammePhases {

    private final ProgrammeRepository repository;

    ProgrammePhases(ProgrammeRepository repository) {
        this.repository = repository;
    }

    /** The programme's phase numbers in order. */
    public List<Integer> numbers(String programmeCode) {
        return repository.phases(programmeCode).stream()
                .map(ProgrammeRepository.Phase::no)
                .toList();
    }
}
