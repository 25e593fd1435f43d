package org.iprharbor.kit.problem;

import java.io.IOException;
import java.util.Locale;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses the NUL character (U+0000) anywhere in a request, as 400: PostgreSQL cannot store it in text or jsonb
 * and would fail the statement, which the client would see as a 500. Checked in the URL before routing and in
 * every JSON string (values and map keys) while the body is read.
 */
@Singleton
public class NulCharacters implements ObjectMapperCustomizer {

    static final String MESSAGE = "contains a NUL character (U+0000), which no field accepts";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("harbor-no-nul")
                .addDeserializer(String.class, new NulRefusingStrings())
                .addKeyDeserializer(String.class, new NulRefusingKeys()));
    }

    @ServerRequestFilter(preMatching = true)
    Response refuseInUrl(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath() + "?" + request.getUriInfo().getRequestUri().getRawQuery();
        if (!raw.toLowerCase(Locale.ROOT).contains("%00")) {
            return null;
        }
        return ProblemResponses.of(400, "validation", "Invalid request", "The URL " + MESSAGE + ".", request.getUriInfo());
    }

    static boolean containsNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    private static final class NulRefusingStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (containsNul(value)) {
                throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
            }
            return value;
        }
    }

    private static final class NulRefusingKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (containsNul(key)) {
                throw InvalidFormatException.from(context.getParser(), MESSAGE, key, String.class);
            }
            return key;
        }
    }
}
