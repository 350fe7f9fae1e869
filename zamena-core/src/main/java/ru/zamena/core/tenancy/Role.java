package ru.zamena.core.tenancy;

/** What a caller may do inside its own organisation. Roles are ordered: each includes the ones before. */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    public boolean atLeast(Role needed) {
        return compareTo(needed) >= 0;
    }
}
