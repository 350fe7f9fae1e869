-- Targets, progress and forecasts (issue 6): the kind of an organisation (which profile targets
-- apply), the reporting period of an audit, an organisation's own targets, purchases for the
-- spend measures, and per-audit aggregates so that overviews over a whole hierarchy read a few
-- thousand summary rows instead of millions of items.

-- ministry/agency/unit are authorities; holding/company are state companies. Null: not said (authority rules apply).
alter table organisation add column kind text check (kind in ('ministry', 'agency', 'unit', 'holding', 'company'));
create index organisation_parent on organisation (parent_id);

-- The reporting year an audit stands for: the year it was stored unless said otherwise. One audit
-- per organisation and period counts: the latest one.
alter table inventory_audit add column period integer check (period between 1990 and 2100);
update inventory_audit set period = extract(year from created_at)::int;
create function inventory_audit_period() returns trigger language plpgsql as $$
begin
    new.period := coalesce(new.period, extract(year from new.created_at)::int);
    return new;
end
$$;
create trigger inventory_audit_period before insert on inventory_audit for each row execute function inventory_audit_period();
create index inventory_audit_period on inventory_audit (org_id, period, id desc);

-- An organisation's own targets; they take precedence over the jurisdiction profile's for that organisation.
create table org_target (
    org_id  bigint not null references organisation (id) on delete cascade,
    measure text not null,
    value   double precision not null check (value >= 0 and value <= 1),
    year    integer not null check (year between 2000 and 2100),
    set_by  text not null,
    set_at  timestamptz not null default now(),
    primary key (org_id, measure)
);

-- Purchases as the spend measures need them: one line per item bought, with the origin decided
-- for it (by the compliance engine where available) and the processor's origin for computing hardware.
create table purchase (
    id               bigserial primary key,
    org_id           bigint not null references organisation (id) on delete cascade,
    period           integer not null,
    bought_on        date,
    name             text not null,
    product_id       text,                 -- no foreign key: history outlives catalog changes
    category         text,
    vendor           text,
    country          text,
    origin           text not null check (origin in ('domestic', 'foreign', 'open_source', 'unknown')),
    processor_origin text check (processor_origin in ('domestic', 'foreign', 'unknown')),
    quantity         double precision not null default 1,
    amount           numeric(18, 2) not null default 0,
    currency         text not null default 'RUB',
    verdict          text,                 -- the compliance verdict, when checked
    source           text not null         -- where the line came from (a file, 'demo', a checked purchase)
);
create index purchase_org_period on purchase (org_id, period);

-- What the overview reads: per audit, items and seats by dimension, key, class and effective origin.
-- class: 'cpu' (processors), 'hardware' (other hardware categories), 'software' (everything else).
-- Only matched items carry their product's facts; doubtful and unmatched ones count as 'unknown'
-- until a decision reaches the next audit.
create table audit_aggregate (
    audit_id bigint not null references inventory_audit (id) on delete cascade,
    org_id   bigint not null references organisation (id) on delete cascade,
    dim      text not null check (dim in ('class', 'category', 'country', 'vendor', 'platform', 'product')),
    key      text not null,
    class    text not null,
    origin   text not null,
    items    integer not null,
    seats    bigint not null,
    primary key (audit_id, dim, key, class, origin)
);
create index audit_aggregate_dim on audit_aggregate (dim, audit_id);

-- Filled in the same transaction (and statement) that stores the items, whether by AuditStore's
-- COPY or by a bulk load: a statement-level trigger sees all new rows at once.
create function audit_item_aggregate() returns trigger language plpgsql as $$
begin
    insert into audit_aggregate (audit_id, org_id, dim, key, class, origin, items, seats)
    select x.audit_id, x.org_id, d.dim, d.key, x.class, x.origin, count(*), sum(x.occurrences)
    from (select n.audit_id, n.org_id, n.occurrences,
                 case when m.ok and n.category = 'cpu' then 'cpu' when m.ok and c.kind = 'hardware' then 'hardware' else 'software' end as class,
                 case when m.ok then n.origin else 'unknown' end as origin,
                 case when m.ok then n.category end as category,
                 case when m.ok then n.country end as country,
                 case when m.ok then n.vendor end as vendor,
                 case when m.ok then n.product_id end as product_id,
                 case when m.ok and n.category = 'cpu' then
                          (select min(cp.platform_id) from compatibility cp join platform p on p.id = cp.platform_id and p.kind = 'cpu'
                           where cp.product_id = n.product_id)
                      when m.ok and n.category in ('operating-system', 'mobile-os') then n.product_id end as platform
          from new_items n
          cross join lateral (select n.status = 'matched' and n.product_id is not null as ok) m
          left join category c on c.id = n.category) x
    cross join lateral (values ('class', x.class), ('category', coalesce(x.category, '')), ('country', coalesce(x.country, '')),
                               ('vendor', coalesce(x.vendor, '')), ('platform', x.platform), ('product', x.product_id)) d (dim, key)
    where d.key is not null
    group by x.audit_id, x.org_id, d.dim, d.key, x.class, x.origin
    on conflict (audit_id, dim, key, class, origin) do update
        set items = audit_aggregate.items + excluded.items, seats = audit_aggregate.seats + excluded.seats;
    return null;
end
$$;
create trigger audit_item_aggregate after insert on audit_item referencing new table as new_items
    for each statement execute function audit_item_aggregate();

-- A counter of changes to anything the dashboard reads, so that its answers can be cached until the
-- next change. A row, not a sequence: the new value becomes visible with the change's commit, never before.
create table dashboard_version (id boolean primary key default true check (id), version bigint not null);
insert into dashboard_version values (true, 0);
create function dashboard_changed() returns trigger language plpgsql as $$
begin
    update dashboard_version set version = version + 1;
    return null;
end
$$;
create trigger dashboard_changed after insert or update or delete on inventory_audit for each statement execute function dashboard_changed();
create trigger dashboard_changed after insert or update or delete on audit_aggregate for each statement execute function dashboard_changed();
create trigger dashboard_changed after insert or update or delete on purchase for each statement execute function dashboard_changed();
create trigger dashboard_changed after insert or update or delete on org_target for each statement execute function dashboard_changed();
create trigger dashboard_changed after insert or update or delete on organisation for each statement execute function dashboard_changed();
