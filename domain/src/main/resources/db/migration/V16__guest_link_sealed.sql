-- Guests for the portal's client (issue 20).
-- 1. The invite dialog shows the current link again (seed 002, scenario 8 step 7): the token is
--    kept sealed (Tink AEAD under the secrets keyset, the meeting id in the associated data, so a
--    sealed token copied to another meeting's row does not open). Links made before this have no
--    sealed token: they keep working, the dialog shows "no link yet" until a new one is made.
alter table guest_link add column token_sealed bytea;

-- 2. The signed pre-key is stored as the JSON value the client sent (the seed's client sends
--    signedPreKey.toJson(), an object; a string stays a JSON string), served back in that shape.
alter table guest_session alter column signed_pre_key type text;
update guest_session set signed_pre_key = to_jsonb(signed_pre_key)::text;
