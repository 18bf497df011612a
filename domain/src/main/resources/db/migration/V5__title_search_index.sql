-- Title search (`q`) is a substring match: lower(title) like '%…%'. A B-tree cannot serve a
-- leading wildcard; a trigram GIN index can (pg_trgm ships with PostgreSQL and is a trusted
-- extension since PostgreSQL 13, so the database owner may create it without superuser).
create extension if not exists pg_trgm;
create index meeting_title_trgm on meeting using gin (lower(title) gin_trgm_ops);
create index meeting_summary_title_trgm on meeting_summary using gin (lower(title) gin_trgm_ops);
