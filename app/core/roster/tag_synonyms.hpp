#pragma once
// The organizer's synonyms: "ML" and "machine learning" are one tag, shown as the
// organizer spells it. They live in the `[synonyms]` table of kiosk-config/topics.toml;
// the top-level keys of that file (the topic lists offered at the kiosk) belong to the
// onboarding screens and are ignored here.
//
//   [synonyms]
//   "ML" = "machine learning"
//   "AI" = "artificial intelligence"
//
// Keys and values are compared by tag_key (NFKC, case-folded, white space folded), so
// "ml", "ＭＬ" and "ML " are the same synonym.
#include <map>
#include <string>
#include <string_view>

#include "core/store/store.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct TagSynonyms {
  // tag_key(variant) -> the canonical label, as the organizer wrote it.
  std::map<std::string, std::string> canonical;
  bool empty() const { return canonical.empty(); }
  // The label a tag is stored and shown under: the canonical one for a known variant
  // (or for the canonical spelling itself), the label as given otherwise.
  std::string label_for(std::string_view label) const;
};

// Errors name FILE:LINE: a value that is not a string, an empty side, a variant that
// points at another variant (chains are ambiguous: point both at the final spelling).
Result<TagSynonyms> parse_tag_synonyms(std::string_view toml_text, const std::string& name);
Result<TagSynonyms> load_tag_synonyms(const std::string& path);

// Makes these the file's synonyms (replacing the ones it had) and moves tags already
// stored under a variant to their canonical tag, in one transaction. Every writer of the
// file (an import, a tag chosen at the kiosk: Store::intern_tag) then applies them.
// Returns how many attendee tags moved.
Result<int64_t> save_tag_synonyms(Store& store, const TagSynonyms& synonyms);

}  // namespace rapport
