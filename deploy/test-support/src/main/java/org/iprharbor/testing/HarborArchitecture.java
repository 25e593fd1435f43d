package org.iprharbor.testing;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (STYLE.md): the domain knows nothing of REST, Kafka or the service's
 * adapters. Each service checks it with {@code @ArchTest static final ArchRule domain = HarborArchitecture.DOMAIN_IS_INDEPENDENT;}.
 */
public final class HarborArchitecture {

    public static final ArchRule DOMAIN_IS_INDEPENDENT = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..api..", "..messaging..", "..service..",
                    "jakarta.ws.rs..", "org.jboss.resteasy..",
                    "org.apache.kafka..", "io.smallrye.reactive.messaging..", "org.eclipse.microprofile.reactive..")
            .because("the domain holds the business rules and must not depend on how they are reached");

    public static final ArchRule RESOURCES_DO_NOT_TOUCH_KAFKA = noClasses().that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.smallrye.reactive.messaging..")
            .because("a state change reaches Kafka only through the outbox, in the same transaction");

    private HarborArchitecture() {
    }
}
