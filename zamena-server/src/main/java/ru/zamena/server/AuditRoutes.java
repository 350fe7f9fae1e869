package ru.zamena.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import ru.zamena.app.audit.AuditExport;
import ru.zamena.app.audit.AuditReport;
import ru.zamena.app.audit.AuditService;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.ingest.InputException;
import ru.zamena.report.PdfFonts;
import ru.zamena.report.ReportFormat;
import ru.zamena.store.AccessDeniedException;
import ru.zamena.store.AuditStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * Inventory audits of an organisation over HTTP: upload files to audit them (multipart), list and
 * read stored audits as JSON or download them as CSV, XLSX or PDF, page through items, compare two
 * audits. The services check roles and scope by organisation; handlers parse and shape.
 */
final class AuditRoutes {
    private final AuditService audits;
    private final long maxUploadBytes;

    AuditRoutes(AuditService audits, long maxUploadBytes) {
        this.audits = audits;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** A run as the API answers it: the audit and its totals; the full report is at the audit's URL. */
    record RunDto(String outcome, AuditStore.Audit audit, AuditReport.Summary summary, List<AuditReport.Share> byOrigin) {}

    record ItemPage(List<AuditStore.Item> items, String nextCursor) {}

    void list(Context ctx) {
        ctx.json(audits.audits(Auth.required(ctx), ctx.pathParam("org"), Params.limit(ctx, 50, 500)));
    }

    void create(Context ctx) {
        Caller caller = Auth.required(ctx);
        String org = ctx.pathParam("org");
        // Checked before reading the upload, so others cannot fill the disk; the service checks again.
        if (!caller.may(org, Role.EDITOR)) throw new AccessDeniedException("no editor access to organisation '" + org + "'");
        if (!ctx.isMultipartFormData()) throw ApiException.badParameter("file", "send the inventory files as multipart/form-data fields named 'file'");
        if (ctx.req().getContentLengthLong() > maxUploadBytes)
            throw new ApiException(413, "the upload is larger than this server accepts (" + maxUploadBytes + " bytes)", null);
        List<UploadedFile> uploads = ctx.uploadedFiles("file");
        if (uploads.isEmpty()) throw ApiException.badParameter("file", "no file: send one or more multipart fields named 'file'");
        var options = new AuditService.Options(form(ctx, "cpu"), form(ctx, "os"), form(ctx, "label"), columns(form(ctx, "columns")),
                "true".equalsIgnoreCase(form(ctx, "force")), period(form(ctx, "period")));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("zamena-audit");
            var files = new ArrayList<Path>();
            var names = new HashSet<String>();
            for (UploadedFile u : uploads) {
                String name = ImportRoutes.fileName(u.filename());
                while (!names.add(name)) name = "_" + name; // two uploads with one name stay two files
                Path file = dir.resolve(name);
                try (InputStream in = u.content()) {
                    Files.copy(in, file);
                }
                files.add(file);
            }
            AuditService.Run run = audits.run(caller, org, files, options, null);
            var report = run.report();
            ctx.status(run.outcome().equals(AuditService.CREATED) ? 201 : 200)
                    .header("Location", ZamenaServer.API + "/orgs/" + org + "/audits/" + run.audit().id())
                    .json(new RunDto(run.outcome(), report.audit(), report.summary(), report.byOrigin()));
        } catch (InputException e) {
            throw ApiException.badParameter("file", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    void get(Context ctx) {
        AuditReport report = audits.report(Auth.required(ctx), ctx.pathParam("org"), id(ctx, "id"));
        ReportFormat format = format(ctx);
        if (format == null) ctx.json(report);
        else download(ctx, format, "audit-" + report.audit().id(), out -> AuditExport.write(report, format, out));
    }

    void items(Context ctx) {
        Caller caller = Auth.required(ctx);
        long id = id(ctx, "id");
        int limit = Params.limit(ctx, 100, 1000);
        String fingerprint = Cursor.fingerprint("audit-items", ctx.pathParam("org"), id);
        List<String> after = Cursor.decode(ctx.queryParam("cursor"), fingerprint, 1);
        int afterSeq = after == null ? 0 : seq(after.getFirst());
        var items = audits.items(caller, ctx.pathParam("org"), id, afterSeq, limit + 1);
        String next = items.size() > limit ? Cursor.encode(fingerprint, Integer.toString(items.get(limit - 1).seq())) : null;
        ctx.json(new ItemPage(items.subList(0, Math.min(limit, items.size())), next));
    }

    void diff(Context ctx) {
        long from = id(ctx, "id"), to = id(ctx, "other");
        var diff = audits.diff(Auth.required(ctx), ctx.pathParam("org"), from, to);
        ReportFormat format = format(ctx);
        if (format == null) ctx.json(diff);
        else download(ctx, format, "audit-" + from + "-" + to, out -> AuditExport.write(diff, format, out));
    }

    interface Export {
        void write(OutputStream out) throws IOException;
    }

    /** Writes an export in full first, so a failure (no PDF font) is still a clean problem response. */
    static void download(Context ctx, ReportFormat format, String baseName, Export export) {
        var buf = new ByteArrayOutputStream();
        try {
            export.write(buf);
        } catch (PdfFonts.MissingFontException e) {
            throw new ApiException(501, e.getMessage(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType(format.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + baseName + "." + format.extension() + "\"")
                .result(buf.toByteArray());
    }

    /** {@code ?format=csv|xlsx|pdf|json}, else the Accept header; null means JSON. */
    static ReportFormat format(Context ctx) {
        String f = Params.text(ctx, "format");
        if (f != null) {
            if (f.equalsIgnoreCase("json")) return null;
            ReportFormat format = ReportFormat.of(f);
            if (format == null) throw ApiException.badParameter("format", "format must be json, csv, xlsx or pdf, got '" + f + "'");
            return format;
        }
        String accept = ctx.header("Accept");
        if (accept == null) return null;
        for (ReportFormat rf : ReportFormat.values())
            if (accept.contains(rf.contentType().split(";")[0])) return rf;
        return null;
    }

    /** The reporting year of the {@code period} field, null when not given. */
    private static Integer period(String v) {
        if (v == null) return null;
        try {
            int year = Integer.parseInt(v);
            if (year >= AuditService.Options.MIN_PERIOD && year <= AuditService.Options.MAX_PERIOD) return year;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badParameter("period", "period must be a year between " + AuditService.Options.MIN_PERIOD + " and "
                + AuditService.Options.MAX_PERIOD + ", got '" + v + "'");
    }

    private static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** "name=Program,publisher=Vendor" as a map. */
    static Map<String, String> columns(String spec) {
        var out = new LinkedHashMap<String, String>();
        if (spec == null) return out;
        for (String part : spec.split(",")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0) throw ApiException.badParameter("columns", "columns must look like name=Program,publisher=Vendor, got '" + spec + "'");
            out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return out;
    }

    static long id(Context ctx, String param) {
        try {
            long id = Long.parseLong(ctx.pathParam(param));
            if (id > 0) return id;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badParameter(param, param + " must be a positive whole number, got '" + ctx.pathParam(param) + "'");
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is not worth failing the request
        }
    }

    private static int seq(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("cursor", "the cursor is not valid; use next_cursor from a previous page as it was returned");
        }
    }
}
