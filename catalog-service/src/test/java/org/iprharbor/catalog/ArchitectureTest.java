package org.iprharbor.catalog;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.iprharbor.testing.HarborArchitecture;

/**
 * catalog-service keeps the platform's layering.
 */
@AnalyzeClasses(packages = "org.iprharbor.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsIndependent = HarborArchitecture.DOMAIN_IS_INDEPENDENT;

    @ArchTest
    static final ArchRule resourcesDoNotTouchKafka = HarborArchitecture.RESOURCES_DO_NOT_TOUCH_KAFKA;
}
