-- The go / no-go is taken on the readiness table's recommendation (go, conditional-go, no-go): keep it with
-- the decision, whether the committee overrode it, and the conditions a conditional go depends on.
alter table go_live_decision add column recommendation varchar(20);
alter table go_live_decision add column overridden boolean;
alter table go_live_decision add column conditions varchar(4000);
