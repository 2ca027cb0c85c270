package io.rollout.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.task.Task;

/** The Camunda Form a task shows in Tasklist, as deployed: tests check that a form exists and says the right thing. */
public final class DeployedForms {

    private DeployedForms() {}

    public static String of(FormService forms, Task task) {
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
