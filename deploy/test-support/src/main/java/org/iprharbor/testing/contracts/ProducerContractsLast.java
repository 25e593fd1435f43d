package org.iprharbor.testing.contracts;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Orders test classes by name, as Quarkus does by default, except that a {@link ProducerContract} runs after every
 * other class: it reads everything the module's tests published. Installed as Quarkus' secondary orderer
 * ({@code junit.quarkus.orderer.secondary-orderer} in this module's {@code META-INF/microprofile-config.properties}),
 * so Quarkus still groups classes by test profile and resources first; a {@code junit-platform.properties} that
 * replaced Quarkus' own orderer would be refused by Quarkus once a module has several.
 */
public class ProducerContractsLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor descriptor) -> isProducerContract(descriptor.getTestClass()))
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    /** By name: Quarkus loads test classes in its own class loader, so the Class objects may differ. */
    private static boolean isProducerContract(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getSuperclass()) {
            if (type.getName().equals(ProducerContract.class.getName())) {
                return true;
            }
        }
        return false;
    }
}
