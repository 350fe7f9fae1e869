-- Import runs of files (registry exports now, inventories later) and what each changed.
create table import_run (
    id           bigserial primary key,
    kind         text not null,
    file_name    text not null,
    file_sha256  text not null,
    org_id       bigint references organisation (id) on delete cascade,
    actor        text not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    status       text not null check (status in ('ok', 'unchanged', 'failed')),
    counts       jsonb not null default '{}',
    errors       jsonb not null default '[]',
    message      text
);
create index import_run_file on import_run (kind, file_sha256);

create table registry_change (
    import_id bigint not null references import_run (id) on delete cascade,
    registry  text not null,
    number    text not null,
    change    text not null check (change in ('added', 'changed', 'excluded', 'restored')),
    before    jsonb,
    after     jsonb,
    primary key (import_id, registry, number)
);

