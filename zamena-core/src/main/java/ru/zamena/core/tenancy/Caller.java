package ru.zamena.core.tenancy;

/**
 * Who is calling: an API key's organisation and role, or the local operator (CLI on this machine).
 * {@code operator} is true for admins of the operator organisation, who alone may change the global catalog.
 */
public record Caller(String actor, long orgId, String orgSlug, Role role, boolean operator) {

    /** The person at the CLI: they own the installation and its database. */
    public static Caller localOperator() {
        return new Caller("cli:" + System.getProperty("user.name", "local"), 0, null, Role.ADMIN, true);
    }

    /**
     * May this caller read or change data of the organisation {@code slug} with at least {@code needed}?
     * Admins of the operator organisation (and the local operator) run the installation and manage
     * every organisation; everyone else only their own.
     */
    public boolean may(String slug, Role needed) {
        if (operator && role == Role.ADMIN) return true;
        return orgSlug != null && orgSlug.equals(slug) && role.atLeast(needed);
    }

    public boolean mayEditCatalog() {
        return operator && role == Role.ADMIN;
    }
}
