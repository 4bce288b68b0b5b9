#include "core/badge/contact_card.hpp"

#include "core/util/text.hpp"

namespace rapport {

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == ascii_lower(prefix);
}

// A plausible address: one '@', something on both sides, no spaces.
bool looks_like_email(std::string_view e) {
  auto at = e.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < e.size() && e.find('@', at + 1) == std::string_view::npos &&
         e.find(' ') == std::string_view::npos;
}

void add_email(ContactCard& card, std::string_view value) {
  auto v = trim(value);
  if (starts_with_ci(v, "mailto:")) v.remove_prefix(7);
  if (looks_like_email(v)) card.emails.emplace_back(v);
}

ContactCard parse_vcard(std::string_view text) {
  ContactCard card{CardKind::vcard, {}};
  // Unfold: a line break followed by a space or tab continues the previous line.
  std::string unfolded;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] == '\n' && i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
      ++i;
      continue;
    }
    unfolded += text[i];
  }
  size_t pos = 0;
  while (pos <= unfolded.size()) {
    size_t end = unfolded.find('\n', pos);
    if (end == std::string::npos) end = unfolded.size();
    std::string_view line(unfolded.data() + pos, end - pos);
    pos = end + 1;
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = ascii_lower(line.substr(0, line.find_first_of(";:")));
    if (auto dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);  // item1.EMAIL
    if (name == "email") add_email(card, line.substr(colon + 1));
  }
  return card;
}

ContactCard parse_mecard(std::string_view text) {
  ContactCard card{CardKind::mecard, {}};
  text.remove_prefix(7);  // "MECARD:"
  // Fields are KEY:VALUE separated by ';' with '\' escaping ';', ':', ',' and '\'.
  std::string field;
  auto finish = [&] {
    auto colon = field.find(':');
    if (colon != std::string::npos && ascii_lower(field.substr(0, colon)) == "email")
      add_email(card, std::string_view(field).substr(colon + 1));
    field.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      field += text[++i];
    } else if (c == ';') {
      finish();
    } else {
      field += c;
    }
  }
  finish();
  return card;
}

}  // namespace

ContactCard parse_contact_card(std::string_view text) {
  auto t = trim(text);
  if (starts_with_ci(t, "BEGIN:VCARD")) return parse_vcard(t);
  if (starts_with_ci(t, "MECARD:")) return parse_mecard(t);
  return {};
}

}  // namespace rapport
