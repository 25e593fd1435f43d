package org.iprharbor.kit.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An IANA time zone (Asia/Almaty). Null is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = Codes.TimeZoneIdValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface TimeZoneId {

    String message() default "must be an IANA time zone such as Asia/Shanghai";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
