package io.rollout.training;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Write API of training for set-ups outside Tasklist (the demo project): plans role-based curricula the way
 * {@code UserTask_PlanTraining} stores them, numbered CUR-01, CUR-02, … in the given order.
 */
@Service
public class TrainingCurricula {

    /**
     * A curriculum to plan.
     *
     * @param name       the course attendance records refer to
     * @param department {@code null} for every department of the role
     */
    public record Planned(String name, String role, String department, int passMark, String description) {}

    private final CurriculumRepository curricula;

    TrainingCurricula(CurriculumRepository curricula) {
        this.curricula = curricula;
    }

    @Transactional
    public void plan(String projectCode, List<Planned> planned) {
        List<CurriculumRepository.Curriculum> rows = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            rows.add(new CurriculumRepository.Curriculum(
                    "CUR-%02d".formatted(i + 1), p.name(), p.role(), p.department(), p.passMark(), p.description()));
        }
        curricula.replaceCurricula(projectCode, rows);
    }
}
