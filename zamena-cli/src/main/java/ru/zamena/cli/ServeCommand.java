package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.server.ZamenaServer;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = "Run the REST API and the web pages.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Option(names = "--port", defaultValue = "8080", description = "Port (0 = any free port; default ${DEFAULT-VALUE})") int port;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}: this machine only)") String host;
    @Option(names = "--demo", description = "Also create a demo organisation 'demo' and print an API key for it") boolean demo;
    @Option(names = "--format", defaultValue = "table", description = "table (sentences) or json (one object with the URLs, for scripts)") Output.Format format;

    @Override
    public Integer call() throws InterruptedException {
        var z = main.open();
        var out = Output.out();
        String demoKey = null;
        if (demo) {
            Caller op = Caller.localOperator();
            if (z.tenants().organisation("demo").isEmpty())
                z.tenants().createOrganisation(op, "demo", "Demo ministry (Минцифры-образец)", null, false);
            demoKey = z.tenants().createApiKey(op, "demo", "demo session key", Role.ADMIN).secret();
        }
        var stats = z.catalog().stats();
        var server = ZamenaServer.start(z, host, port);
        var stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            z.close();
            stop.countDown();
        }));
        if (format == Output.Format.json) {
            var m = new java.util.LinkedHashMap<String, Object>();
            m.put("url", server.url());
            m.put("api", server.url() + "api/v1/");
            m.put("openapi", server.url() + "api/v1/openapi.yaml");
            m.put("database", z.database().description());
            m.put("products", stats.products());
            m.put("vendors", stats.vendors());
            m.put("alternatives", stats.alternatives());
            if (demoKey != null) m.put("demo_api_key", demoKey);
            Output.json(out, m);
        } else {
            if (demoKey != null) out.println("Demo organisation 'demo', admin API key (shown once): " + demoKey);
            out.println("Catalog: " + stats.products() + " products, " + stats.vendors() + " vendors, " + stats.alternatives() + " alternatives.");
            out.println("Database: " + z.database().description());
            out.println("Zamena is serving at " + server.url() + "  (API: " + server.url() + "api/v1/, spec: " + server.url() + "api/v1/openapi.yaml). Ctrl+C stops.");
        }
        stop.await();
        return 0;
    }
}
