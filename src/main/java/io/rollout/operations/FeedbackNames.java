package io.rollout.operations;

import io.rollout.shared.ForModels;
import io.rollout.shared.Messages;
import org.springframework.stereotype.Component;

/**
 * Words for the task names of {@code giveFeedback} ({@code feedbackNames} in expressions): "Triage feedback #3
 * (Improvement): Show the budget left on the order". Public because the models call it.
 */
@ForModels
@Component("feedbackNames")
public class FeedbackNames {

    static final int HEADLINE = 80;

    private final Messages messages;

    FeedbackNames(Messages messages) {
        this.messages = messages;
    }

    /** The kind of feedback as people read it: Bug, Improvement, Training need. */
    public String kind(String kind) {
        return kind == null ? "" : messages.forRecord("operations.feedback.kind." + kind);
    }

    /** The feedback's first words, short enough for a task name (the engine keeps 255 characters of it). */
    public String headline(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (line.length() <= HEADLINE) {
            return line;
        }
        int cut = line.lastIndexOf(' ', HEADLINE - 1);
        return line.substring(0, cut > HEADLINE / 2 ? cut : HEADLINE - 1).strip() + "…";
    }
}
