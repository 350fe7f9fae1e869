-- Organisations, API keys with roles, organisation-private data and the audit log.
create table organisation (
    id         bigserial primary key,
    slug       text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name       text not null,
    parent_id  bigint references organisation (id),
    operator   boolean not null default false,  -- runs this installation; its admins edit the global catalog
    created_at timestamptz not null default now()
);

-- API keys: only a SHA-256 of the secret is stored. Keys are 32 random bytes, so a fast hash is
-- as safe as a slow one here and keeps per-request checks cheap.
create table api_key (
    id           bigserial primary key,
    org_id       bigint not null references organisation (id) on delete cascade,
    name         text not null,
    prefix       text not null unique,
    secret_hash  text not null,
    role         text not null check (role in ('viewer', 'editor', 'admin')),
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz,
    last_used_at timestamptz
);

-- An organisation's own names for catalog products (e.g. how its inventory spells them).
create table org_alias (
    org_id     bigint not null references organisation (id) on delete cascade,
    alias      text not null,
    compact    text not null,
    product_id text not null references product (id) on delete cascade,
    note       text,
    created_by text not null,
    created_at timestamptz not null default now(),
    primary key (org_id, compact)
);

create table audit_log (
    id      bigserial primary key,
    at      timestamptz not null default now(),
    actor   text not null,
    org_id  bigint references organisation (id) on delete set null,
    action  text not null,
    target  text,
    details jsonb not null default '{}'
);
create index audit_log_org on audit_log (org_id, at desc);
