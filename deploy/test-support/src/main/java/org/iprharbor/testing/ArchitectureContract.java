package org.iprharbor.testing;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The platform's layering rules ({@link HarborArchitecture}) as plain JUnit tests over a service's own
 * classes: {@code class ArchitectureTest extends ArchitectureContract { ArchitectureTest() { super("org.iprharbor.deal"); } }}.
 */
public abstract class ArchitectureContract {

    private final JavaClasses classes;

    protected ArchitectureContract(String basePackage) {
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    @Test
    void shouldKeepTheDomainFreeOfAdapters() {
        HarborArchitecture.DOMAIN_IS_INDEPENDENT.check(classes);
    }

    @Test
    void shouldReachKafkaOnlyThroughTheOutbox() {
        HarborArchitecture.RESOURCES_DO_NOT_TOUCH_KAFKA.check(classes);
    }
}
