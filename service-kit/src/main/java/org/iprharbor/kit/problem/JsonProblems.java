package org.iprharbor.kit.problem;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Explains a request body Jackson could not read: where it broke and, for a wrong field, which one.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static Response of(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = pathOf(unknown);
            return invalid(field, "is not a known field (commands reject unknown fields)", uri);
        }
        if (e instanceof JsonCollectionLimit.TooManyElements tooMany) {
            return invalid(pathOf(tooMany), tooMany.getOriginalMessage(), uri);
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof String text && NulCharacters.containsNul(text)) {
            return invalid(pathOf(format), NulCharacters.MESSAGE, uri);
        }
        if (e instanceof InvalidFormatException format) {
            return invalid(pathOf(format), "cannot be read as " + format.getTargetType().getSimpleName()
                    + " (value " + format.getValue() + ")", uri);
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String expected = mismatch.getTargetType() == null ? "the expected type" : mismatch.getTargetType().getSimpleName();
            return invalid(pathOf(mismatch), "has the wrong JSON type; expected " + expected, uri);
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return ProblemResponses.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON" + where + ": " + e.getOriginalMessage(), uri);
    }

    private static Response invalid(String field, String message, UriInfo uri) {
        return ProblemResponses.of(400, "validation", "Invalid request", field + " " + message, uri,
                List.of(new Problem.FieldError(field, message)));
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
