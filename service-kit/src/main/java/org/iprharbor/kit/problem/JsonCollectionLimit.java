package org.iprharbor.kit.problem;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses a list or map of more than {@value #MAX_ELEMENTS} elements in a request body while it is read, before
 * validation: a 1 MB body can hold 100 000 list elements, and validating each one (with a field error per element)
 * costs seconds of CPU and a response many times the request's size. No command needs more (a territory has at
 * most about 250 countries).
 */
@Singleton
public class JsonCollectionLimit implements ObjectMapperCustomizer {

    static final int MAX_ELEMENTS = 1000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("harbor-collection-limit").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer);
            }
        }));
    }

    /** Thrown for a list or map over the limit; {@link JsonProblems} names the field. */
    static final class TooManyElements extends MismatchedInputException {

        TooManyElements(JsonParser parser, int size) {
            super(parser, "has " + size + " elements; at most " + MAX_ELEMENTS + " are accepted", (Class<?>) null);
        }
    }

    private static final class Bounded extends DelegatingDeserializer {

        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            int size = value instanceof Collection<?> collection ? collection.size() : value instanceof Map<?, ?> map ? map.size() : 0;
            if (size > MAX_ELEMENTS) {
                throw new TooManyElements(parser, size);
            }
            return value;
        }
    }
}
