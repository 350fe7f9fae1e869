-- The register a curated product is said to be listed in, kept even when its entry number is not
-- known yet (the registry import then supplies the entry). Unverified claims are named in product.uncertain.
alter table product add column registry text check (registry in ('ru-software', 'ru-industrial', 'eaeu-software'));
