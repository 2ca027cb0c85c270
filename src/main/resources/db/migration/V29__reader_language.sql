-- The language a person chose for Rollout and Camunda's web apps (identity.LanguageChoices); without a row the
-- browser's language applies, then rollout.language.
create table user_language (
    user_id varchar(255) primary key,
    language varchar(16) not null,
    chosen_at timestamp not null
);
