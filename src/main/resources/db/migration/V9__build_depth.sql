-- Build in depth: the department that owns (and accepts) a module, iteration plans with their scope and
-- demo, typed configuration items, customisation approval and development, the vendor's standard version.

-- null: the default of rollout.build.module-departments applies
alter table project_module add column owning_department varchar(40);

alter table build_iteration add column planned_start date;
alter table build_iteration add column planned_end date;
alter table build_iteration add column customisations_planned boolean;
alter table build_iteration add column planned_by varchar(64);
alter table build_iteration add column demo_shown varchar(2000);
alter table build_iteration add column demo_attendees varchar(500);
alter table build_iteration add column demo_feedback varchar(2000);
alter table build_iteration add column demo_by varchar(64);
alter table build_iteration add column demo_at timestamp;

-- The requirements an iteration of a module delivers (its scope).
create table iteration_requirement (
    project_code    varchar(32)  not null references project (code),
    module          varchar(40)  not null,
    iteration       integer      not null,
    requirement_id  varchar(32)  not null,
    primary key (project_code, module, iteration, requirement_id)
);

-- Typed configuration items: field mapping (source -> target), permission (role -> function),
-- approval flow (document type, steps), other (description only).
alter table configuration_item alter column description drop not null;
alter table configuration_item add column source_field varchar(200);
alter table configuration_item add column target_field varchar(200);
alter table configuration_item add column role_name varchar(200);
alter table configuration_item add column function_name varchar(200);
alter table configuration_item add column document_type varchar(200);
alter table configuration_item add column approval_steps varchar(1000);

-- A customisation is proposed, approved or rejected (by the PMO, or the steering committee above the
-- effort threshold) with a reason, and only an approved one is developed.
alter table customisation add column status varchar(20) default 'proposed' not null;
alter table customisation add column approval_board varchar(30);
alter table customisation add column decision_reason varchar(2000);
alter table customisation add column decided_by varchar(64);
alter table customisation add column decided_at timestamp;
alter table customisation add column delivery_note varchar(2000);
alter table customisation add column developed_by varchar(64);
alter table customisation add column developed_at timestamp;

-- The vendor's standard version of a module, recorded before its first customisation.
create table vendor_baseline (
    project_code     varchar(32)   not null references project (code),
    module           varchar(40)   not null,
    product          varchar(200)  not null,
    version          varchar(100)  not null,
    baseline_date    date          not null,
    backup_location  varchar(500)  not null,
    recorded_by      varchar(64)   not null,
    recorded_at      timestamp     not null,
    primary key (project_code, module)
);
