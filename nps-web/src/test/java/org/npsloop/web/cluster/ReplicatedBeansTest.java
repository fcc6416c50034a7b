package org.npsloop.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The web application is distributable: Payara replicates the HTTP session (and with it the session- and
 * view-scoped beans and the server-side JSF view state) to the other cluster members through Hazelcast. A bean
 * holding something that cannot be serialized breaks that replication silently at run time (the admin lands on a
 * login page or a ViewExpired on the other instance), so every field type is checked here.
 */
class ReplicatedBeansTest {

    private static final List<JavaClass> SCOPED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.npsloop.web").stream()
            .filter(c -> c.isAnnotatedWith(SessionScoped.class) || c.isAnnotatedWith(ViewScoped.class)
                    || c.isAnnotatedWith(ConversationScoped.class))
            .toList();

    @Test
    void theApplicationHasReplicatedBeans() {
        // Guards the test itself: an import that finds nothing would check nothing.
        assertTrue(SCOPED.size() > 20, "session/view-scoped beans found: " + SCOPED.size());
    }

    @Test
    void everySessionAndViewScopedBeanAndEveryFieldItHoldsIsSerializable() {
        List<String> problems = new ArrayList<>();
        for (JavaClass javaClass : SCOPED) {
            Class<?> bean = javaClass.reflect();
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    // Injected services are CDI proxies, serializable by the container; transient fields are reloaded.
                    if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isAnnotationPresent(Inject.class)) {
                        continue;
                    }
                    checkType(field.getGenericType(), bean.getSimpleName() + "." + field.getName(), problems, new HashSet<>());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theBeansSurviveARoundTripThroughSerialization() throws Exception {
        // Real beans as the container creates them before injection: what the session actually carries.
        int copied = 0;
        for (JavaClass javaClass : SCOPED) {
            Class<?> bean = javaClass.reflect();
            Object instance = bean.getDeclaredConstructor().newInstance();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(instance);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertEquals(bean, in.readObject().getClass());
            }
            copied++;
        }
        assertEquals(SCOPED.size(), copied);
    }

    @Test
    void aBeanHoldingSomethingUnserializableIsReported() {
        // The check must be able to fail: a field of a non-serializable type is named.
        List<String> problems = new ArrayList<>();
        checkType(Thread.class, "Example.worker", problems, new HashSet<>());
        checkType(new ArrayList<Thread>() { }.getClass().getGenericSuperclass(), "Example.workers", problems, new HashSet<>());
        assertEquals(2, problems.size(), problems.toString());
        assertFalse(problems.get(0).isBlank());
    }

    private static void checkType(Type type, String where, List<String> problems, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            checkType(parameterized.getRawType(), where, problems, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                checkType(argument, where, problems, seen);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                checkType(bound, where, problems, seen);
            }
        } else if (type instanceof Class<?> raw) {
            if (raw.isPrimitive() || raw == Object.class) {
                return;
            }
            if (raw.isArray()) {
                checkType(raw.getComponentType(), where, problems, seen);
                return;
            }
            // Collection and map interfaces: the JDK implementations used (ArrayList, HashMap, List.of) serialize.
            if (raw == List.class || raw == Collection.class || raw == Set.class || raw == Map.class) {
                return;
            }
            if (raw == Optional.class || !Serializable.class.isAssignableFrom(raw)) {
                problems.add(where + " holds " + raw.getName() + ", not Serializable");
                return;
            }
            // Application types: their own fields must serialize too (records and DTOs of the domain).
            if (raw.getName().startsWith("org.npsloop.") && !raw.isEnum()) {
                for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                            checkType(field.getGenericType(), where + "." + field.getName(), problems, seen);
                        }
                    }
                }
            }
        }
    }
}
