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

@Command(name = "org", description = "Manage organisations (tenants).", subcommands = {OrgCommand.Create.class, OrgCommand.Set.class, OrgCommand.ListOrgs.class})
final class OrgCommand {
    @ParentCommand Main main;

    @Command(name = "create", description = "Create an organisation.")
    static final class Create implements Callable<Integer> {
        @ParentCommand OrgCommand parent;
        @Parameters(paramLabel = "SLUG", description = "Short id: lower-case letters, digits and dashes") String slug;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--parent", description = "Slug of the parent organisation") String parentSlug;
        @Option(names = "--operator", description = "This organisation runs the installation: its admins may edit the global catalog") boolean operator;
        @Option(names = "--kind", description = KIND) String kind;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                TenantStore.Organisation o = z.tenants().createOrganisation(Caller.localOperator(), slug, name, parentSlug, operator, kind);
                Output.out().println("Created organisation " + o.slug() + " (" + o.name() + ")" + (o.kind() == null ? "" : ", " + o.kind()) + ".");
            }
            return 0;
        }
    }

    static final String KIND = "ministry, agency, unit (authorities) or holding, company (state companies): decides which profile targets apply";

    @Command(name = "set", description = "Change an organisation's kind or parent.")
    static final class Set implements Callable<Integer> {
        @ParentCommand OrgCommand parent;
        @Parameters(paramLabel = "SLUG") String slug;
        @Option(names = "--kind", description = KIND) String kind;
        @Option(names = "--parent", description = "Slug of the new parent organisation (it will read this organisation's data)") String parentSlug;

        @Override
        public Integer call() {
            if (kind == null && parentSlug == null) throw new IllegalArgumentException("give --kind or --parent (or both)");
            try (var z = parent.main.open()) {
                TenantStore.Organisation o = z.tenants().updateOrganisation(Caller.localOperator(), slug, kind, parentSlug);
                Output.out().println("Organisation " + o.slug() + ": kind " + CatalogCommand.nz(o.kind()) + ", parent " + CatalogCommand.nz(o.parentSlug()) + ".");
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
                    for (var o : orgs) rows.add(List.of(o.slug(), o.name(), CatalogCommand.nz(o.parentSlug()), CatalogCommand.nz(o.kind()), o.operator() ? "operator" : ""));
                    Output.table(Output.out(), List.of("SLUG", "NAME", "PARENT", "KIND", ""), rows);
                }
            }
            return 0;
        }
    }
}
