-- A counter that changes whenever the global catalog's names, identifiers or alternatives change, so
-- that in-memory copies (the inventory matcher's index) notice edits made by any code path — registry
-- import, curated reload, an administrator promoting an alias — without those paths telling them.
-- Statement-level triggers bump it at most once per transaction; the bump is part of the writing
-- transaction, so a reader that sees the new number also sees the new rows.
create table catalog_generation (
    id         int primary key default 1 check (id = 1),
    generation bigint not null default 0,
    changed_at timestamptz not null default now()
);
insert into catalog_generation (id, generation) values (1, 1);

create function bump_catalog_generation() returns trigger language plpgsql as $$
begin
    -- once per transaction: the setting is local to it and names its id
    if coalesce(current_setting('zamena.catalog_generation_bumped', true), '') <> txid_current()::text then
        perform set_config('zamena.catalog_generation_bumped', txid_current()::text, true);
        update catalog_generation set generation = generation + 1, changed_at = now() where id = 1;
    end if;
    return null;
end
$$;

create trigger catalog_generation_product after insert or update or delete or truncate on product
    for each statement execute function bump_catalog_generation();
create trigger catalog_generation_vendor after insert or update or delete or truncate on vendor
    for each statement execute function bump_catalog_generation();
create trigger catalog_generation_registry_entry after insert or update or delete or truncate on registry_entry
    for each statement execute function bump_catalog_generation();
create trigger catalog_generation_alternative after insert or update or delete or truncate on alternative
    for each statement execute function bump_catalog_generation();
create trigger catalog_generation_compatibility after insert or update or delete or truncate on compatibility
    for each statement execute function bump_catalog_generation();
create trigger catalog_generation_search_key after insert or update or delete or truncate on search_key
    for each statement execute function bump_catalog_generation();
