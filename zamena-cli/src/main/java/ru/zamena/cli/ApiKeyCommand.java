package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "apikey", description = "Manage API keys of an organisation.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
final class ApiKeyCommand {
    @ParentCommand Main main;

    @Command(name = "create", description = "Create a key; its secret is printed once and only its hash is stored.")
    static final class Create implements Callable<Integer> {
        @ParentCommand ApiKeyCommand parent;
        @Option(names = "--org", required = true) String org;
        @Option(names = "--role", defaultValue = "viewer", description = "viewer, editor or admin") String role;
        @Option(names = "--name", defaultValue = "cli") String name;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                var key = z.tenants().createApiKey(Caller.localOperator(), org, name, CatalogCommand.enumOf(Role.class, role, "--role"));
                Output.out().println(key.secret());
                System.err.println("API key " + key.info().prefix() + " (" + role + ") for " + org + ": store it now, it is not shown again.");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand ApiKeyCommand parent;
        @Option(names = "--org", required = true) String org;
        @Option(names = "--format", defaultValue = "table") Output.Format format;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                var keys = z.tenants().apiKeys(Caller.localOperator(), org);
                if (format == Output.Format.json) Output.json(Output.out(), keys);
                else {
                    var rows = new ArrayList<List<String>>();
                    for (var k : keys) rows.add(List.of(k.prefix(), k.name(), CatalogCommand.lower(k.role()), "" + k.createdAt(), k.revokedAt() == null ? "active" : "revoked " + k.revokedAt()));
                    Output.table(Output.out(), List.of("PREFIX", "NAME", "ROLE", "CREATED", "STATE"), rows);
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a key by its prefix.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand ApiKeyCommand parent;
        @Option(names = "--org", required = true) String org;
        @Parameters(paramLabel = "PREFIX") String prefix;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                z.tenants().revokeApiKey(Caller.localOperator(), org, prefix);
                Output.out().println("Revoked " + prefix + ".");
            }
            return 0;
        }
    }
}
