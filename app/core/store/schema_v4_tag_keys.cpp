// Version 4: one tag, one meaning. Tag keys were ASCII lower case only; they become
// Unicode NFKC + case folding (tag_key in core/util/text), so a decomposed "ü", capitals
// and full-width letters meet their twins. Existing tags are re-keyed with the SQL
// function rapport_tag_key (registered by Store on every connection); two old tags that
// now share a key become one, with the smaller label, as the merge rule for tags does.
//
// tag_synonyms: the organizer's synonyms (kiosk-config/topics.toml, [synonyms]), kept in
// the file so every writer applies the same ones: an import, a tag chosen at the kiosk.
// variant is tag_key of the synonym; tag and label are the canonical key and spelling.
#include "core/store/schema.hpp"

namespace rapport::schema {

const char* migration_v4_tag_keys() {
  return R"sql(
CREATE TABLE tag_synonyms (
  variant TEXT PRIMARY KEY,
  tag     TEXT NOT NULL,
  label   TEXT NOT NULL
);

CREATE TEMP TABLE tag_rekey AS
SELECT tag AS old, rapport_tag_key(label) AS new, label FROM tags;
DELETE FROM tag_rekey WHERE new = old OR new = '';

INSERT INTO tags (tag, label)
SELECT new, min(label) FROM tag_rekey WHERE true GROUP BY new
ON CONFLICT (tag) DO UPDATE SET label = excluded.label WHERE excluded.label < tags.label;

INSERT INTO attendee_tags (attendee_id, kind, tag)
SELECT x.attendee_id, x.kind, r.new FROM attendee_tags x JOIN tag_rekey r ON r.old = x.tag WHERE true
ON CONFLICT DO NOTHING;

DELETE FROM attendee_tags WHERE tag IN (SELECT old FROM tag_rekey WHERE old NOT IN (SELECT new FROM tag_rekey));
DELETE FROM tags WHERE tag IN (SELECT old FROM tag_rekey WHERE old NOT IN (SELECT new FROM tag_rekey))
  AND tag NOT IN (SELECT tag FROM attendee_tags);
DROP TABLE tag_rekey;
)sql";
}

}  // namespace rapport::schema
