-- Hypercare incidents as processes: who resolved them and when their SLA was breached.
alter table incident add column description varchar(2000);
alter table incident add column resolved_by varchar(64);
alter table incident add column sla_due_at timestamp;
alter table incident add column sla_breached_at timestamp;
alter table incident add column process_instance_id varchar(64);

-- A programme runs implementation projects as phases, each starting when the previous reaches operations.
create table programme (
    code        varchar(32)   primary key,
    name        varchar(200)  not null,
    started_by  varchar(64)   not null,
    started_at  timestamp     not null
);

create table programme_phase (
    programme_code  varchar(32)   not null references programme (code),
    phase_no        integer       not null,
    project_code    varchar(32)   not null,
    project_name    varchar(200)  not null,
    departments     varchar(400)  not null,
    modules         varchar(400)  not null,
    datasets        varchar(400),
    status          varchar(20)   not null,
    started_at      timestamp,
    reached_operations_at timestamp,
    primary key (programme_code, phase_no),
    unique (project_code)
);
