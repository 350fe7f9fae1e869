package ru.zamena.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.zamena.store.AccessDeniedException;
import ru.zamena.store.ConflictException;
import ru.zamena.store.NotFoundException;

import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place that turns failures into RFC 9457 problem details. Known exceptions carry
 * messages written for users; anything else is a 500 whose body says nothing about internals
 * (the log gets the stack trace under an id the client can quote).
 */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    /** The exception handler for every route. */
    void handle(Exception e, Context ctx) {
        switch (e) {
            case ApiException a -> write(ctx, a.status, a.getMessage(), a.parameter, null);
            case AccessDeniedException a -> write(ctx, 403, a.getMessage(), null, null);
            case NotFoundException n -> write(ctx, 404, notFound(n), null, null);
            case ConflictException c -> write(ctx, 409, c.getMessage(), null, null);
            case JsonProcessingException j -> write(ctx, 400, bodyProblem(j), "body", null);
            // Core and store validate user input with IllegalArgumentException (UnknownPlatformException among them);
            // one that names Java code is a bug ("No enum constant ru.zamena..."), not the client's mistake.
            case IllegalArgumentException i when !namesCode(i.getMessage()) -> write(ctx, 400, i.getMessage(), null, null);
            case HttpResponseException h -> write(ctx, h.getStatus(), javalinDetail(h, ctx), null, null);
            default -> {
                String id = UUID.randomUUID().toString();
                LOG.error("{} {} failed (error id {})", ctx.method(), ctx.path(), id, e);
                write(ctx, 500, "the server could not complete this request", null, id);
            }
        }
    }

    /** Error handler for 404 and 405 responses no handler wrote (unknown routes, unknown static files). */
    void noRoute(Context ctx) {
        if (ctx.res().getContentType() != null && ctx.res().getContentType().startsWith(CONTENT_TYPE)) return; // already a problem
        int status = ctx.statusCode();
        String detail = status == 405 ? ctx.method() + " is not allowed on " + ctx.path() : "nothing at " + ctx.path();
        write(ctx, status, detail, null, null);
    }

    void write(Context ctx, int status, String detail, String parameter, String errorId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.forStatus(status).getMessage());
        body.put("status", status);
        body.put("detail", detail == null || detail.isBlank() ? HttpStatus.forStatus(status).getMessage() : detail);
        body.put("instance", ctx.path());
        if (parameter != null) body.put("parameter", parameter);
        if (errorId != null) body.put("error_id", errorId);
        if (status == 401) ctx.header("WWW-Authenticate", "Bearer realm=\"zamena\"");
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(json.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            ctx.status(500).contentType(CONTENT_TYPE).result("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}");
        }
    }

    /** Jackson's own messages name Java classes; say what is wrong in the client's terms instead. */
    private static String bodyProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u)
            return "unknown field '" + u.getPropertyName() + "' in the request body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "field '" + field + "' of the request body has the wrong type";
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content"))
            return "the request body is empty; a JSON object is expected";
        return "the request body is not valid JSON";
    }

    /** Javalin's own exceptions (e.g. a body over the size limit) have short messages fit for clients. */
    private static String javalinDetail(HttpResponseException h, Context ctx) {
        if (h.getStatus() == 404) return "nothing at " + ctx.path();
        if (h.getStatus() == 405) return ctx.method() + " is not allowed on " + ctx.path();
        if (h.getStatus() == 413) return "the request body is too large";
        return h.getMessage();
    }

    private static boolean namesCode(String message) {
        return message == null || message.contains("ru.zamena.") || message.contains("java.") || message.contains("Exception");
    }

    /** Store messages name the missing thing ("product x"); some already read as a sentence ("no product matches ..."). */
    private static String notFound(NotFoundException n) {
        String m = n.getMessage();
        return m.startsWith("no ") ? m : m + " not found";
    }
}
