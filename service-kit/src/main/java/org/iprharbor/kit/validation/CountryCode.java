package org.iprharbor.kit.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An ISO 3166-1 alpha-2 country code in upper case (or a regional patent office: EP, EA, WO). Null is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = Codes.CountryCodeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CountryCode {

    String message() default "must be an ISO 3166-1 alpha-2 country code such as CN or KZ";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
