// Version 4: profile changes made at a kiosk (or with `rapport profile`): consent and the
// four kinds of tags, one row per person and field, newest by hybrid logical clock.
// Kept in its own file so the migration list in schema.cpp stays a short list.
#include "core/store/schema.hpp"

namespace rapport::schema {

// profile_changes: the newest change of one field of one person's profile. `value` is
// 'yes'/'no' for consent, a JSON array of labels for the tag kinds. `hlc` (hybrid logical
// clock, core/profile/hlc.hpp) orders changes across kiosks without trusting wall clocks;
// `at` is the kiosk's wall clock, for people only. `roster_value` is what the roster said
// about that field when the change was made (re-imports compare with it, so re-importing
// the same roster never undoes a change). attendees.consent and attendee_tags always hold
// the effective profile (the roster's, overlaid with these rows), which the matcher,
// exports and views read.
//
// onboarding_declined: the person tapped "Not now" on the invitation at this kiosk on
// `day` (the kiosk's local date): the kiosk does not ask again that day. Not merged: it
// is this kiosk's manners, not the person's profile.
//
// event_topics: the organizer's topic list (kiosk-config/topics.toml), offered as chips
// on the kiosk's picker together with the tags already in the roster.
//
// attendees.hlc: the stamp of the roster import (or forgetting) that wrote the row; the
// merge and the hub pick the newest version of a person by it, then by updated_at.
const char* migration_v4_profile() {
  return R"sql(
CREATE TABLE profile_changes (
  attendee_id  TEXT NOT NULL REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  field        TEXT NOT NULL
                 CHECK (field IN ('consent', 'interest', 'personal', 'looking_for', 'can_help_with')),
  value        TEXT NOT NULL,
  hlc          INTEGER NOT NULL,
  kiosk_id     TEXT NOT NULL,
  at           TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('kiosk', 'cli', 'roster')),
  roster_value TEXT,
  PRIMARY KEY (attendee_id, field)
) WITHOUT ROWID;
CREATE INDEX profile_changes_hlc ON profile_changes (hlc);
ALTER TABLE attendees ADD COLUMN hlc INTEGER NOT NULL DEFAULT 0;
CREATE INDEX attendees_hlc ON attendees (hlc);

CREATE TABLE onboarding_declined (
  attendee_id TEXT NOT NULL REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  day         TEXT NOT NULL,
  at          TEXT NOT NULL,
  kiosk_id    TEXT NOT NULL,
  PRIMARY KEY (attendee_id, day)
) WITHOUT ROWID;

CREATE TABLE event_topics (
  tag      TEXT PRIMARY KEY,
  label    TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TRIGGER sync_log_profile_insert AFTER INSERT ON profile_changes
BEGIN INSERT INTO sync_log (tbl, k1, k2, stamp) VALUES ('profile_changes', NEW.attendee_id, NEW.field, random()); END;
CREATE TRIGGER sync_log_profile_update AFTER UPDATE ON profile_changes
BEGIN INSERT INTO sync_log (tbl, k1, k2, stamp) VALUES ('profile_changes', NEW.attendee_id, NEW.field, random()); END;
)sql";
}

}  // namespace rapport::schema
