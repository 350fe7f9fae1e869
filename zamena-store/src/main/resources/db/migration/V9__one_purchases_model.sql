-- One purchases model: the checked purchases (purchase_item, V7) are the one record the quota report and
-- the dashboard's spend and purchase measures read. A recorded item keeps what those measures need, as the
-- check saw it after catalog enrichment: the catalog product, category and vendor it matched, its origin
-- class, the units bought and, for computing hardware, its processor's origin. Items recorded before this
-- migration have none of these: they count once, with the origin class read from their country.
alter table purchase_item
    add column product_id       text,           -- no foreign key: history outlives catalog changes
    add column category         text,
    add column vendor           text,
    add column origin_class     text check (origin_class in ('domestic', 'foreign', 'open_source', 'unknown')),
    add column processor_origin text check (processor_origin in ('domestic', 'foreign', 'unknown')),
    add column quantity         double precision not null default 1 check (quantity > 0);

-- The dashboard's own purchase lines (V8) were filled only by the demo, which now records checked files.
-- Its dashboard_changed trigger goes with it; purchase_item keeps the one V8 gave it.
drop table purchase;
