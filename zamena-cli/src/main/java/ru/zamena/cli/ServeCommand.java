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

    @Override
    public Integer call() throws InterruptedException {
        var z = main.open();
        var out = Output.out();
        if (demo) {
            Caller op = Caller.localOperator();
            if (z.tenants().organisation("demo").isEmpty())
                z.tenants().createOrganisation(op, "demo", "Demo ministry (Минцифры-образец)", null, false);
            var key = z.tenants().createApiKey(op, "demo", "demo session key", Role.ADMIN);
            out.println("Demo organisation 'demo', admin API key (shown once): " + key.secret());
        }
        var stats = z.catalog().stats();
        var server = ZamenaServer.start(z, host, port);
        var stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            z.close();
            stop.countDown();
        }));
        out.println("Catalog: " + stats.products() + " products, " + stats.vendors() + " vendors, " + stats.alternatives() + " alternatives.");
        out.println("Database: " + z.database().description());
        out.println("Zamena is serving at " + server.url() + "  (API: " + server.url() + "api/v1/, spec: " + server.url() + "api/v1/openapi.yaml). Ctrl+C stops.");
        stop.await();
        return 0;
    }
}
