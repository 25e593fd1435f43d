package org.iprharbor.kit.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem+json error responses every operation can give, so API clients see the RFC 9457
 * shape and the statuses in the OpenAPI document, not only in prose.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Map<String, String> ALWAYS = Map.of(
            "401", "No valid bearer token",
            "403", "The caller's role may not do this",
            "500", "Unexpected error; the detail carries a reference for support",
            "503", "A dependency (the database) is unavailable; nothing was changed");
    private static final Map<String, String> WITH_INPUT = Map.of(
            "400", "Invalid request: malformed JSON, an unknown field, or invalid values (listed in errors)",
            "413", "The request body is larger than the limit",
            "415", "The body is not application/json");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", string("Where the value is in the request, e.g. terms.price.currency"))
                .addProperty("message", string("Why it is invalid")));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", string("URI identifying the kind of problem"))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong in this occurrence, and what to do"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(this::document);
    }

    private void document(PathItem path) {
        path.getOperations().values().forEach(operation -> {
            APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
            operation.setResponses(responses);
            ALWAYS.forEach((status, description) -> addProblem(responses, status, description));
            if (takesInput(operation, path)) {
                WITH_INPUT.forEach((status, description) -> addProblem(responses, status, description));
            }
            if (path.getParameters() != null || operation.getParameters() != null) {
                addProblem(responses, "404", "No such resource, or not one the caller may see");
            }
        });
    }

    private static boolean takesInput(Operation operation, PathItem path) {
        return operation.getRequestBody() != null || operation.getParameters() != null || path.getParameters() != null;
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
        } else if (existing.getContent() == null) {
            existing.setContent(content);
        }
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)).description(description);
    }
}
