package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.store.TenantStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "org", description = "Manage organisations (tenants).", subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class})
final class OrgCommand {
    @ParentCommand Main main;

    @Command(name = "create", description = "Create an organisation.")
    static final class Create implements Callable<Integer> {
        @ParentCommand OrgCommand parent;
        @Parameters(paramLabel = "SLUG", description = "Short id: lower-case letters, digits and dashes") String slug;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--parent", description = "Slug of the parent organisation") String parentSlug;
        @Option(names = "--operator", description = "This organisation runs the installation: its admins may edit the global catalog") boolean operator;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                TenantStore.Organisation o = z.tenants().createOrganisation(Caller.localOperator(), slug, name, parentSlug, operator);
                Output.out().println("Created organisation " + o.slug() + " (" + o.name() + ").");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List organisations.")
    static final class ListOrgs implements Callable<Integer> {
        @ParentCommand OrgCommand parent;
        @Option(names = "--format", defaultValue = "table") Output.Format format;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                var orgs = z.tenants().organisations(Caller.localOperator());
                if (format == Output.Format.json) Output.json(Output.out(), orgs);
                else {
                    var rows = new ArrayList<List<String>>();
                    for (var o : orgs) rows.add(List.of(o.slug(), o.name(), CatalogCommand.nz(o.parentSlug()), o.operator() ? "operator" : ""));
                    Output.table(Output.out(), List.of("SLUG", "NAME", "PARENT", ""), rows);
                }
            }
            return 0;
        }
    }
}
