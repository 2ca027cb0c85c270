package io.rollout.change;

/**
 * The requirements side of a re-baseline: freezes a new version of the project's requirement specification
 * because of an approved change request. Change control calls it through this interface so that the requirements
 * feature owns how a version is made; when no bean implements it, {@link ChangeRebaseline} re-baselines the plan
 * only and records that the specification was not re-baselined.
 */
public interface SpecificationRebaseline {

    /**
     * Creates the next specification version of the project.
     *
     * @param reason why, e.g. the change request's number and reason
     * @param user   who approved the change
     * @return the new version number
     */
    int rebaseline(String projectCode, String reason, String user);
}
