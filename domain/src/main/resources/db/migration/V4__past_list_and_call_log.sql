-- The call log keeps the first join (a rejoin no longer hides it) and those removed after joining.
alter table meeting_participant add column first_joined_at timestamptz;
update meeting_participant set first_joined_at = joined_at where ever_joined;
-- REMOVED participants stay in the aggregate when they had joined: they count as joiners.
alter table meeting_participant alter column status type varchar(12);
-- Past = ended within a window (default 8 h), through the index on ended_at; summaries are kept for their retention (P90D in the sweep).
