-- The global catalog: categories, platforms, vendors, products, alternatives, compatibility.
-- Every fact row carries its source; rows loaded from the curated files have origin 'curated',
-- rows created from the official registry export have origin 'registry'.
create extension if not exists pg_trgm;

create table category (
    id             text primary key,
    name_en        text not null,
    name_ru        text not null,
    kind           text not null check (kind in ('software', 'hardware', 'service')),
    registry_class text,
    okpd2          text
);

create table platform (
    id      text primary key,
    kind    text not null check (kind in ('cpu', 'os')),
    name    text not null,
    family  text not null,
    aliases text[] not null default '{}',
    notes   text,
    source  text
);

create table vendor (
    id         text primary key,
    name       text not null,
    name_ru    text,
    aliases    text[] not null default '{}',
    country    char(2) check (country ~ '^[A-Z]{2}$'),
    kind       text not null default 'company' check (kind in ('company', 'community', 'foundation', 'government')),
    inn        text check (inn ~ '^[0-9]{10}([0-9]{2})?$'),
    ogrn       text,
    parent_id  text references vendor (id) deferrable initially deferred,
    wikidata   text,
    website    text,
    source     text,
    uncertain  text[] not null default '{}',
    notes      text,
    origin     text not null default 'curated' check (origin in ('curated', 'registry')),
    updated_at timestamptz not null default now()
);
create index vendor_inn on vendor (inn) where inn is not null;
create index vendor_country on vendor (country);

create table product (
    id         text primary key,
    name       text not null,
    name_ru    text,
    aliases    text[] not null default '{}',
    vendor_id  text not null references vendor (id),
    category   text not null references category (id),
    kind       text not null check (kind in ('software', 'hardware', 'service')),
    license    text not null check (license in ('proprietary', 'open_source', 'freeware', 'saas')),
    okpd2      text,
    wikidata   text,
    cpe        text,
    purl       text,
    website    text,
    source     text,
    uncertain  text[] not null default '{}',
    notes      text,
    origin     text not null default 'curated' check (origin in ('curated', 'registry')),
    updated_at timestamptz not null default now()
);
create index product_vendor on product (vendor_id);
create index product_category on product (category);

-- An entry of a register of domestic products. Curated products may cite one; the registry import
-- keeps the full official record here and links it to a product.
create table registry_entry (
    registry         text not null check (registry in ('ru-software', 'ru-industrial', 'eaeu-software')),
    number           text not null,
    product_id       text references product (id) on delete set null,
    name             text not null,
    classes          text[] not null default '{}',
    holders          jsonb not null default '[]',
    included_on      date,
    order_ref        text,
    website          text,
    status           text not null default 'registered' check (status in ('registered', 'excluded')),
    excluded_on      date,
    exclusion_reason text,
    trusted          boolean,
    source           text not null,
    uncertain        boolean not null default false,
    content_hash     text,
    last_import_id   bigint,
    updated_at       timestamptz not null default now(),
    primary key (registry, number)
);
create index registry_entry_product on registry_entry (product_id);

create table alternative (
    from_id text not null references product (id) on delete cascade,
    to_id   text not null references product (id) on delete cascade,
    fit     text not null check (fit in ('full', 'partial')),
    notes   text,
    source  text not null,
    primary key (from_id, to_id),
    check (from_id <> to_id)
);
create index alternative_to on alternative (to_id);

create table compatibility (
    product_id  text not null references product (id) on delete cascade,
    platform_id text not null references platform (id),
    level       text not null check (level in ('certified', 'supported', 'reported')),
    detail      text,
    source      text,
    primary key (product_id, platform_id)
);

-- Search keys: every name and alias of a product (and its vendor's names) folded to a phonetic
-- Latin skeleton, so Cyrillic, Latin and transliterated queries meet; trigram index for typos.
create table search_key (
    product_id text not null references product (id) on delete cascade,
    kind       text not null check (kind in ('name', 'alias', 'vendor', 'registry')),
    raw        text not null,
    skeleton   text not null,  -- words of the folded Latin skeleton, space-separated
    compact    text not null,  -- the skeleton without spaces
    primary key (product_id, kind, compact)
);
create index search_key_trgm on search_key using gin (compact gin_trgm_ops);
create index search_key_compact on search_key (compact text_pattern_ops);

-- What the curated files looked like when last loaded: loading the same files again is a no-op.
create table catalog_load (
    id        bigserial primary key,
    checksum  text not null,
    loaded_at timestamptz not null default now(),
    counts    jsonb not null
);
