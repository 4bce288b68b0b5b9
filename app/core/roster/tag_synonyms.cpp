#include "core/roster/tag_synonyms.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "core/util/text.hpp"

namespace rapport {

std::string TagSynonyms::label_for(std::string_view label) const {
  auto it = canonical.find(tag_key(label));
  if (it != canonical.end()) return it->second;
  return std::string(trim(label));
}

Result<TagSynonyms> parse_tag_synonyms(std::string_view toml_text, const std::string& name) {
  toml::table doc;
  try {
    doc = toml::parse(toml_text, name);
  } catch (const toml::parse_error& e) {
    return make_error(std::string(e.description()), fmt::format("{}:{}", name, e.source().begin.line));
  }
  TagSynonyms out;
  const toml::node* node = doc.get("synonyms");
  if (!node) return out;
  auto where = [&](const toml::node& n) { return fmt::format("{}:{}", name, n.source().begin.line); };
  if (!node->is_table())
    return make_error("'synonyms' must be a table ([synonyms] with lines like \"ML\" = \"machine learning\")",
                      where(*node));
  // key of a canonical spelling -> (its first line in the file, its label): TOML tables
  // iterate in key order, and the spelling shown is the one written first.
  std::map<std::string, std::pair<int64_t, std::string>> canonical_keys;
  auto spell = [&](const std::string& key, const toml::node& v, const std::string& label) {
    int64_t line = v.source().begin.line;
    auto [it, fresh] = canonical_keys.emplace(key, std::pair{line, label});
    if (!fresh && line < it->second.first) it->second = {line, label};
  };
  for (const auto& [k, v] : *node->as_table()) {
    auto value = v.value<std::string>();
    if (!value)
      return make_error(fmt::format("synonym \"{}\" must name its tag in quotes (\"{}\" = \"machine learning\")",
                                    k.str(), k.str()),
                        where(v));
    std::string variant = tag_key(k.str()), target = tag_key(*value);
    if (variant.empty() || target.empty())
      return make_error(fmt::format("synonym \"{}\" = \"{}\" has an empty side", k.str(), *value), where(v));
    if (!is_valid_utf8(*value)) return make_error("synonym is not valid UTF-8 text", where(v));
    if (variant == target) {
      spell(target, v, std::string(trim(*value)));
      continue;
    }
    if (auto [it, fresh] = out.canonical.emplace(variant, std::string(trim(*value))); !fresh)
      return make_error(fmt::format("synonym \"{}\" is given twice (also \"{}\")", k.str(), it->second), where(v));
    spell(target, v, std::string(trim(*value)));
  }
  for (const auto& [k, v] : *node->as_table()) {
    std::string variant = tag_key(k.str());
    if (out.canonical.count(variant) && canonical_keys.count(variant))
      return make_error(fmt::format("\"{}\" is both a synonym and a tag others point to; point every "
                                    "synonym at the final spelling",
                                    k.str()),
                        where(v));
  }
  // The canonical spelling itself also shows as the organizer wrote it ("Machine Learning"
  // typed by an attendee becomes "machine learning" when that is the organizer's spelling).
  // Two synonyms may name one tag in two spellings: the first spelling is the one shown.
  for (auto& [variant, label] : out.canonical) label = canonical_keys.at(tag_key(label)).second;
  for (auto& [key, spelled] : canonical_keys) out.canonical.emplace(key, spelled.second);
  return out;
}

Result<TagSynonyms> load_tag_synonyms(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read the topics file", path);
  std::stringstream buf;
  buf << in.rdbuf();
  return parse_tag_synonyms(buf.str(), path);
}

Result<int64_t> save_tag_synonyms(Store& store, const TagSynonyms& synonyms) {
  Db& db = store.db();
  int64_t moved = 0;
  auto st = db.write([&]() -> Status {
    RAPPORT_TRY(db.exec("DELETE FROM tag_synonyms"));
    auto ins = db.prepare("INSERT INTO tag_synonyms (variant, tag, label) VALUES (?, ?, ?)");
    if (!ins) return ins.error();
    for (const auto& [variant, label] : synonyms.canonical) {
      std::string key = tag_key(label);
      if (variant == key) continue;  // the canonical spelling itself: see below
      RAPPORT_TRY(ins->bind_all(variant, key, label).run());
      ins->reset();
    }
    // Canonical tags already stored take the organizer's spelling.
    auto relabel = db.prepare("UPDATE tags SET label = ? WHERE tag = ? AND label <> ?");
    if (!relabel) return relabel.error();
    for (const auto& [variant, label] : synonyms.canonical) {
      std::string key = tag_key(label);
      RAPPORT_TRY(relabel->bind_all(label, key, label).run());
      relabel->reset();
    }
    // Tags stored under a variant move to the canonical tag.
    RAPPORT_TRY(db.exec(
        "INSERT INTO tags (tag, label) SELECT s.tag, s.label FROM tag_synonyms s "
        "WHERE s.variant IN (SELECT tag FROM attendee_tags) ON CONFLICT (tag) DO UPDATE SET label = excluded.label"));
    RAPPORT_TRY(db.exec(
        "INSERT INTO attendee_tags (attendee_id, kind, tag) SELECT x.attendee_id, x.kind, s.tag "
        "FROM attendee_tags x JOIN tag_synonyms s ON s.variant = x.tag WHERE true ON CONFLICT DO NOTHING"));
    RAPPORT_TRY(db.exec("DELETE FROM attendee_tags WHERE tag IN (SELECT variant FROM tag_synonyms)"));
    moved = db.changes();
    return db.exec("DELETE FROM tags WHERE tag IN (SELECT variant FROM tag_synonyms) "
                   "AND tag NOT IN (SELECT tag FROM attendee_tags)");
  });
  if (!st) return st.error();
  return moved;
}

}  // namespace rapport
