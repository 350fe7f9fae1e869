-- Stored inventory audits, the per-organisation review queue, the organisation's judgments on
-- doubtful matches, and aliases promoted from an organisation into the global catalog.
-- Every organisation-private table carries org_id and every query on it filters by org_id.

create table inventory_audit (
    id               bigserial primary key,
    org_id           bigint not null references organisation (id) on delete cascade,
    label            text,
    created_at       timestamptz not null default now(),
    created_by       text not null,
    cpu              text,                 -- target platform words as the user gave them (null: any)
    os               text,
    fingerprint      text not null,        -- SHA-256 over the files' hashes, platform and column mapping: same input, same audit
    files            jsonb not null,       -- [{name, format, sha256, items, distinct}]
    totals           jsonb not null,       -- counts and shares computed when stored (lists show them without reading items)
    item_count       integer not null,
    occurrence_count bigint not null,
    status           text not null default 'complete' check (status in ('complete'))
);
create index inventory_audit_org on inventory_audit (org_id, id desc);
create index inventory_audit_fingerprint on inventory_audit (org_id, fingerprint);

-- One row per distinct name (cleaned, folded) and publisher within an audit.
create table audit_item (
    audit_id      bigint not null references inventory_audit (id) on delete cascade,
    org_id        bigint not null references organisation (id) on delete cascade,
    seq           integer not null,
    name_key      text not null,           -- NameKey.compact(NameCleaner.clean(raw).name())
    publisher_key text not null default '',
    raw_name      text not null,           -- the first spelling seen
    publisher     text,
    versions      text[] not null default '{}',
    hosts         integer not null default 0,
    occurrences   integer not null,        -- rows in the files (seats)
    status        text not null check (status in ('matched', 'review', 'unmatched')),
    product_id    text,                    -- no foreign key: an audit is history and outlives catalog changes
    product_name  text,
    vendor        text,
    country       text,
    origin        text not null check (origin in ('domestic', 'foreign', 'open_source', 'unknown')),
    category      text,
    score         real not null default 0,
    evidence      jsonb not null default '{}',
    decided_by    text not null check (decided_by in ('matcher', 'judgment')),
    primary key (audit_id, seq)
);
create index audit_item_org on audit_item (org_id, audit_id);

-- What an organisation decided about a name: product_id null means "not in the catalog / not this".
create table match_judgment (
    org_id        bigint not null references organisation (id) on delete cascade,
    name_key      text not null,
    publisher_key text not null default '',  -- '' applies to any publisher
    raw_name      text not null,
    product_id    text references product (id) on delete cascade,
    decided_by    text not null,
    decided_at    timestamptz not null default now(),
    note          text,
    primary key (org_id, name_key, publisher_key)
);

-- Doubtful matches waiting for a person, one per organisation and name, updated by each audit.
create table review_item (
    id             bigserial primary key,
    org_id         bigint not null references organisation (id) on delete cascade,
    name_key       text not null,
    publisher_key  text not null default '',
    raw_name       text not null,
    publisher      text,
    candidate_id   text references product (id) on delete set null,
    score          real not null default 0,
    evidence       jsonb not null default '{}',
    occurrences    bigint not null default 0,
    first_audit_id bigint references inventory_audit (id) on delete set null,
    last_audit_id  bigint references inventory_audit (id) on delete set null,
    status         text not null default 'open' check (status in ('open', 'accepted', 'rejected', 'picked')),
    product_id     text references product (id) on delete set null,  -- the decision, when decided
    decided_by     text,
    decided_at     timestamptz,
    unique (org_id, name_key, publisher_key)
);
create index review_item_open on review_item (org_id, occurrences desc, id) where status = 'open';

-- Aliases an operator admin promoted from an organisation into the global catalog. The curated
-- load rewrites product.aliases from the files; the trigger below keeps promoted aliases in it, so
-- the search keys (rebuilt from product.aliases) keep finding them.
create table promoted_alias (
    product_id  text not null references product (id) on delete cascade,
    alias       text not null,
    from_org_id bigint references organisation (id) on delete set null,
    promoted_by text not null,
    promoted_at timestamptz not null default now(),
    primary key (product_id, alias)
);

create function product_keep_promoted_aliases() returns trigger language plpgsql as $$
begin
    new.aliases := new.aliases || array(select a.alias from promoted_alias a
                                        where a.product_id = new.id and not (a.alias = any (new.aliases)) order by a.alias);
    return new;
end
$$;
create trigger product_keep_promoted_aliases before insert or update of aliases on product
    for each row execute function product_keep_promoted_aliases();
