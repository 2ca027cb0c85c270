package io.rollout.modelling;

import io.rollout.shared.Messages;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The activities of one deployed version of a model, as a migration plan sees them: every activity by id with its
 * name, and the activities an instance can wait in.
 */
@Component
class ModelActivities {

    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final RepositoryService repository;
    private final Messages messages;

    ModelActivities(RepositoryService repository, Messages messages) {
        this.repository = repository;
        this.messages = messages;
    }

    /**
     * The activities of a version by id with their names; a multi-instance activity also has its body
     * ({@code id#multiInstanceBody}), which the engine migrates as an activity of its own.
     */
    Map<String, String> names(ProcessDefinition definition) {
        Map<String, String> names = new HashMap<>();
        for (FlowNode node :
                repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)) {
            String name = node.getName() == null ? node.getId() : node.getName();
            names.put(node.getId(), name);
            if (multiInstance(node)) {
                names.put(
                        node.getId() + MULTI_INSTANCE_BODY,
                        messages.get("modelling.migration.multiInstanceBody", name));
            }
        }
        return names;
    }

    /**
     * Activities an instance can wait in, which a plan maps: tasks, sub-processes, call activities, catching events,
     * event-based gateways, anything asynchronous, multi-instance bodies. Gateways, start and end events and
     * synchronous steps are passed through and need no mapping.
     */
    Set<String> waitStates(ProcessDefinition definition) {
        Set<String> ids = new HashSet<>();
        for (FlowNode node :
                repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)) {
            if (waitState(node)) {
                ids.add(node.getId());
            }
            if (multiInstance(node)) {
                ids.add(node.getId() + MULTI_INSTANCE_BODY);
            }
        }
        return ids;
    }

    private static boolean waitState(FlowNode node) {
        boolean async = node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter();
        return async
                || node instanceof UserTask
                || node instanceof ReceiveTask
                || node instanceof SubProcess
                || node instanceof CallActivity
                || node instanceof IntermediateCatchEvent
                || node instanceof BoundaryEvent
                || node instanceof EventBasedGateway
                || node instanceof ParallelGateway
                || node instanceof InclusiveGateway
                || node instanceof StartEvent
                        && node.getParentElement() instanceof SubProcess sub
                        && sub.triggeredByEvent();
    }

    private static boolean multiInstance(FlowNode node) {
        return node instanceof Activity a && a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics;
    }
}
