#include "core/config/topics_config.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include <toml++/toml.h>

#include "core/profile/profile.hpp"

namespace rapport {

namespace {
std::string where(const std::string& name, const toml::node& n) {
  return fmt::format("{}:{}", name, n.source().begin.line);
}
}  // namespace

Result<std::vector<std::string>> parse_topics_config(std::string_view text, const std::string& name) {
  toml::table doc;
  try {
    doc = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    return make_error(std::string(e.description()), fmt::format("{}:{}", name, e.source().begin.line));
  }
  std::vector<std::string> out;
  for (const auto& [key, node] : doc) {
    if (node.is_table()) continue;  // [synonyms] and other tables: another loader's keys
    if (key.str() != "topics")
      return make_error(fmt::format("unknown key '{}' (the topic list is 'topics = [...]')", key.str()),
                        where(name, node));
    const toml::array* arr = node.as_array();
    if (!arr) return make_error("'topics' must be a list of strings", where(name, node));
    for (const auto& item : *arr) {
      auto s = item.value<std::string>();
      if (!s) return make_error("'topics' must hold only strings", where(name, item));
      if (auto ok = check_tag_labels({*s}); !ok)
        return make_error(fmt::format("topic \"{}\": {}", *s, ok.error().message), where(name, item));
      out.push_back(*s);
    }
  }
  return out;
}

Result<std::vector<std::string>> load_topics_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read the topics file", path);
  std::stringstream buf;
  buf << in.rdbuf();
  return parse_topics_config(buf.str(), path);
}

}  // namespace rapport
