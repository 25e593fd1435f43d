package org.iprharbor.kit.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An ISO 4217 currency code (CNY, KZT, USD). Null is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = Codes.CurrencyCodeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrencyCode {

    String message() default "must be an ISO 4217 currency code such as CNY or USD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
