-- An organisation's checked purchases, kept for its yearly quota reports (Decree No. 2013 in the ru
-- profile). A file is recorded once per organisation: its SHA-256 makes recording idempotent.
create table purchase_file (
    id          bigserial primary key,
    org_id      bigint not null references organisation (id) on delete cascade,
    sha256      text not null,
    name        text not null,
    profile     text not null,
    items       integer not null,
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    unique (org_id, sha256)
);

-- One decided item, with the facts the quota report needs as the check saw them (after catalog
-- enrichment): its OKPD2 code, origin and register membership, and its price.
create table purchase_item (
    file_id    bigint not null references purchase_file (id) on delete cascade,
    ordinal    integer not null,
    org_id     bigint not null references organisation (id) on delete cascade,
    item_id    text not null,
    date       date not null,
    law        text not null,
    okpd2      text,
    name       text not null,
    origin     text,
    registered boolean not null,
    price      numeric,
    verdict    text not null,
    primary key (file_id, ordinal)
);
create index purchase_item_org_date on purchase_item (org_id, date);
