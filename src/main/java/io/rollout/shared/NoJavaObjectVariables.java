package io.rollout.shared;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.stereotype.Component;

/**
 * No process variable is ever stored as a Java-serialised object. Tasklist cannot show such a value (a
 * {@code BigDecimal} prefilled into a number field came back empty), auditors cannot read it, and it ties the
 * history to our classes. Numbers are stored as numbers, lists as {@code Json} ({@link JsonRows}); a Java object
 * (a {@code BigDecimal}, a {@code List}, a record) given to the engine is refused at once with its class, so the
 * mistake shows in the first test that takes the path instead of in a user's empty form. Values stored before
 * are still read.
 */
@Component
class NoJavaObjectVariables extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        VariableSerializers serializers = configuration.getVariableSerializers();
        TypedValueSerializer<?> java = serializers.getSerializerByName(JavaObjectSerializer.NAME);
        if (java != null) {
            int index = serializers.getSerializerIndex(java);
            serializers.removeSerializer(java);
            serializers.addSerializer(new ReadOnlyJavaObjects(), index);
        }
    }

    /**
     * Reads Java-serialised values stored before; refuses to write new ones. Transient values, which the engine
     * keeps only in memory (the result of a business rule task, {@code decisionResult}), pass.
     */
    static final class ReadOnlyJavaObjects extends JavaObjectSerializer {

        private static final ThreadLocal<Boolean> TRANSIENT = ThreadLocal.withInitial(() -> false);

        @Override
        public void writeValue(ObjectValue value, ValueFields fields) {
            TRANSIENT.set(value.isTransient());
            try {
                super.writeValue(value, fields);
            } finally {
                TRANSIENT.remove();
            }
        }

        @Override
        protected byte[] serializeToByteArray(Object value) throws Exception {
            if (TRANSIENT.get()) {
                return super.serializeToByteArray(value);
            }
            // the engine wraps this with the variable's name: "Cannot serialize object in variable 'x': ..."
            throw new ProcessEngineException("A process variable would hold a Java object of "
                    + value.getClass().getName()
                    + ", which Tasklist cannot show and auditors cannot read: store a number, "
                    + "text, boolean or date, or rows and lists as Json (JsonRows)");
        }
    }
}
