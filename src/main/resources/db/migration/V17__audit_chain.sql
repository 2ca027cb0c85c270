-- Tamper evidence for the decision log: every record carries its place in its project's chain, the hash of
-- the record before it and its own hash (SHA-256 over its fields and the previous hash). The project row keeps
-- the head of the chain, so a deleted last record is noticed too. Records written before this version are
-- chained by V17_1 (Java migration) in the order they were written.
alter table decision_log add column chain_seq bigint;
alter table decision_log add column prev_hash varchar(64);
alter table decision_log add column record_hash varchar(64);
create unique index decision_log_chain on decision_log (project_code, chain_seq);

alter table project add column audit_seq bigint default 0 not null;
alter table project add column audit_hash varchar(64);
