package ru.zamena.server;

import io.javalin.http.Context;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.store.AccessDeniedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Imports of the software register: the operator uploads the official export as the request body. */
final class ImportRoutes {
    // Keep letters (any script), digits, dot, dash and underscore: the name only tells the format and labels the run.
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]+");
    private final RegistryImports imports;
    private final long maxUploadBytes;

    ImportRoutes(RegistryImports imports, long maxUploadBytes) {
        this.imports = imports;
        this.maxUploadBytes = maxUploadBytes;
    }

    void list(Context ctx) {
        Caller caller = Auth.required(ctx);
        // Runs name actors and files of the operator's work: only the operator organisation sees them.
        if (!caller.operator()) throw new AccessDeniedException("only the operator organisation may see registry imports");
        ctx.json(imports.runs(Params.limit(ctx, 20, 100)));
    }

    void upload(Context ctx) {
        Caller caller = Auth.required(ctx);
        // The service checks this too; checking before reading keeps others from filling the disk with uploads.
        if (!caller.mayEditCatalog()) throw new AccessDeniedException("only an operator admin may import the registry");
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxUploadBytes) throw tooLarge();
        String name = fileName(ctx.queryParam("filename"));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("zamena-upload");
            Path file = dir.resolve(name);
            try (InputStream in = ctx.bodyInputStream(); OutputStream out = Files.newOutputStream(file)) {
                copyAtMost(in, out, maxUploadBytes); // chunked bodies have no Content-Length: count while copying
            }
            if (Files.size(file) == 0) throw ApiException.badParameter("body", "the request body is empty; send the export file as the body");
            var run = imports.importFile(caller, file, name);
            ctx.status(201).header("Location", "/api/v1/imports").json(run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "the upload is larger than this server accepts (" + maxUploadBytes + " bytes)", null);
    }

    private void copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > max) throw tooLarge();
            out.write(buf, 0, n);
        }
    }

    static String fileName(String given) {
        if (given == null || given.isBlank()) return "upload";
        String name = given.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = UNSAFE.matcher(name.substring(slash + 1)).replaceAll("_");
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) return "upload";
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is not worth failing the request
        }
    }
}
