package io.rollout.migration;

import io.rollout.shared.Problem;

/**
 * A legacy extract that cannot be read as the dataset expects (empty, undecodable, ragged, wrong
 * header, not a workbook, too large): the upload or the dry run stops and stores nothing. The
 * problem names the row or the columns and the reason.
 */
class ExtractException extends RuntimeException {

    private final transient Problem problem;

    ExtractException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    ExtractException(String code, Object... args) {
        this(new Problem(code, args));
    }

    Problem problem() {
        return problem;
    }
}
