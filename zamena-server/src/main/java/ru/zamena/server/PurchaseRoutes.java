package ru.zamena.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.app.compliance.ComplianceService.Outcome;
import ru.zamena.app.compliance.PurchaseService;
import ru.zamena.store.AccessDeniedException;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.procurement.ProcurementReaders;
import ru.zamena.store.PurchaseStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An organisation's purchases over HTTP, as {@code zamena check FILE --org ORG --record} and the files it
 * recorded: {@code POST /orgs/{org}/purchases} checks a procurement file (a multipart field {@code file},
 * or the body with {@code ?name=}) and records its decided items, once per file content (SHA-256 of its
 * bytes, the same as the CLI); {@code GET} lists the recorded files. Editors record, viewers list.
 */
final class PurchaseRoutes {
    private final PurchaseService purchases;
    private final long maxUploadBytes;

    PurchaseRoutes(PurchaseService purchases, long maxUploadBytes) {
        this.purchases = purchases;
        this.maxUploadBytes = maxUploadBytes;
    }

    void list(Context ctx) {
        var files = purchases.files(Auth.required(ctx), ctx.pathParam("org"));
        ctx.json(Map.of("files", files.stream().map(PurchaseRoutes::file).toList()));
    }

    void record(Context ctx) {
        Caller caller = Auth.required(ctx);
        String org = ctx.pathParam("org");
        // checked before reading the upload, so others cannot fill the disk; the store checks again
        if (!caller.may(org, Role.EDITOR)) throw new AccessDeniedException("no editor access to organisation '" + org + "'");
        if (ctx.req().getContentLengthLong() > maxUploadBytes)
            throw new ApiException(413, "the upload is larger than this server accepts (" + maxUploadBytes + " bytes)", null);
        var options = new ComplianceService.Options(ctx.queryParamAsClass("profile", String.class).getOrDefault("ru"), null,
                new ProcurementReaders.Defaults(CheckRoutes.law(ctx), Boolean.parseBoolean(ctx.queryParam("kii"))));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("zamena-purchases");
            String name;
            Path file;
            if (ctx.isMultipartFormData()) {
                UploadedFile upload = ctx.uploadedFile("file");
                if (upload == null) throw ApiException.badParameter("file", "no file: send the procurement file as a multipart field named 'file'");
                name = ImportRoutes.fileName(upload.filename());
                file = dir.resolve(name);
                try (InputStream in = upload.content()) {
                    Files.copy(in, file);
                }
            } else {
                name = ImportRoutes.fileName(ctx.queryParam("name"));
                file = dir.resolve(name);
                try (InputStream in = ctx.bodyInputStream()) {
                    Files.copy(in, file);
                }
            }
            respond(ctx, record(caller, org, file, name, options));
        } catch (InputException e) {
            throw ApiException.badParameter("file", withoutTempDir(e.getMessage(), dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        } finally {
            AuditRoutes.deleteQuietly(dir);
        }
    }

    private record Result(PurchaseService.Recorded recorded, List<Map<String, Object>> rejected) {}

    private Result record(Caller caller, String org, Path file, String name, ComplianceService.Options options) {
        var rejected = new ArrayList<Map<String, Object>>();
        var recorded = purchases.checkAndRecord(caller, org, file, options, outcome -> {
            if (outcome instanceof Outcome.Rejected r) {
                var m = new LinkedHashMap<String, Object>();
                m.put("id", r.itemId());
                m.put("error", withoutTempDir(r.problem().getMessage(), file.getParent()));
                rejected.add(m);
            }
        });
        return new Result(recorded, rejected);
    }

    /** 201 recorded now; 200 recorded before (nothing added); 422 not recorded because items were rejected. */
    private static void respond(Context ctx, Result r) {
        var recorded = r.recorded();
        var c = recorded.counts();
        var out = new LinkedHashMap<String, Object>();
        out.put("status", recorded.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("file", recorded.file() == null ? null : file(recorded.file()));
        out.put("counts", Map.of("read", c.read(), "decided", c.decided(), "rejected", c.rejected(), "not_allowed", c.findings()));
        out.put("rejected", r.rejected());
        ctx.status(switch (recorded.status()) {
            case RECORDED -> 201;
            case ALREADY_RECORDED -> 200;
            case NOT_RECORDED -> 422;
        }).json(out);
    }

    private static Map<String, Object> file(PurchaseStore.RecordedFile f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", f.id());
        m.put("name", f.name());
        m.put("sha256", f.sha256());
        m.put("profile", f.profile());
        m.put("items", f.items());
        m.put("recorded_by", f.recordedBy());
        m.put("recorded_at", f.recordedAt().toString());
        return m;
    }

    /** Messages name the uploaded file, not the temporary folder it was checked in. */
    private static String withoutTempDir(String message, Path dir) {
        return dir == null ? message : message.replace(dir + java.io.File.separator, "");
    }
}
