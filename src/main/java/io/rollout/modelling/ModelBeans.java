package io.rollout.modelling;

import io.rollout.shared.ForModels;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The beans of the application that models may use: Rollout's delegates and listeners by name, and the beans marked
 * {@link ForModels} with the methods they offer. The deployment guard checks models against this when they are
 * deployed; the engine resolves only these beans when it evaluates an expression, so a model that got past the guard
 * some other way — deployed before the guard, or written into the database by hand — still reaches no other bean of
 * the application (a data source, the engine's services). Camunda's Spring integration resolves every bean of the
 * context otherwise.
 */
@Component
class ModelBeans extends AbstractProcessEnginePlugin {

    private static final Set<String> OBJECT_METHODS =
            Arrays.stream(Object.class.getMethods()).map(Method::getName).collect(Collectors.toSet());

    private final ApplicationContext context;
    private final Map<String, ExpressionPolicy.BeanUse> uses = new ConcurrentHashMap<>();

    ModelBeans(ApplicationContext context) {
        this.context = context;
    }

    /** Replaces the expression manager Camunda's Spring integration made, which resolves every bean. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new SpringExpressionManager(context, new Offered()));
    }

    /** How a model may use the bean of that name, decided by its class, without creating it. */
    ExpressionPolicy.BeanUse use(String name) {
        if (!context.containsBean(name)) {
            return ExpressionPolicy.BeanUse.NONE;
        }
        Class<?> type = beanClass(name);
        if (type == null || !type.getName().startsWith("io.rollout.")) {
            return ExpressionPolicy.BeanUse.OTHER;
        }
        if (AnnotatedElementUtils.hasAnnotation(type, ForModels.class)
                || offered(type).findAny().isPresent()) {
            return ExpressionPolicy.BeanUse.FOR_MODELS;
        }
        return delegate(type) ? ExpressionPolicy.BeanUse.DELEGATE : ExpressionPolicy.BeanUse.OTHER;
    }

    /** Whether the bean offers a method of that name to models. */
    boolean offers(String bean, String method) {
        Class<?> type = beanClass(bean);
        return type != null && offered(type).anyMatch(m -> m.getName().equals(method));
    }

    private Class<?> beanClass(String name) {
        Class<?> type = context.getType(name);
        return type == null ? null : ClassUtils.getUserClass(type);
    }

    /**
     * The methods a bean offers to models: public, declared by its own class (so nothing inherited, and not
     * {@code Object}'s), and marked {@link ForModels} themselves or through their class.
     */
    private static Stream<Method> offered(Class<?> type) {
        boolean whole = AnnotatedElementUtils.hasAnnotation(type, ForModels.class);
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isBridge() && !m.isSynthetic() && !OBJECT_METHODS.contains(m.getName()))
                .filter(m -> whole || m.isAnnotationPresent(ForModels.class));
    }

    static boolean delegate(Class<?> type) {
        return JavaDelegate.class.isAssignableFrom(type)
                || ExecutionListener.class.isAssignableFrom(type)
                || TaskListener.class.isAssignableFrom(type);
    }

    /**
     * The beans an expression sees, looked up by name when it is evaluated (created lazily: many delegates need the
     * engine that is being built when this map is made). The engine only asks for names; nothing lists the map.
     */
    private final class Offered extends AbstractMap<Object, Object> {

        @Override
        public boolean containsKey(Object key) {
            if (!(key instanceof String name)) {
                return false;
            }
            // beans do not change while the application runs: classified once per name
            ExpressionPolicy.BeanUse use = uses.computeIfAbsent(name, ModelBeans.this::use);
            return use == ExpressionPolicy.BeanUse.DELEGATE || use == ExpressionPolicy.BeanUse.FOR_MODELS;
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return Set.of();
        }
    }
}
