#include "core/config/kiosk_script.hpp"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <sstream>

#include "core/util/text.hpp"

namespace rapport {

std::string_view verb_name(ScriptVerb v) {
  switch (v) {
    case ScriptVerb::present: return "present";
    case ScriptVerb::key: return "key";
    case ScriptVerb::tap: return "tap";
    case ScriptVerb::type: return "type";
    case ScriptVerb::wait: return "wait";
    case ScriptVerb::expect: return "expect";
    case ScriptVerb::screenshot: return "screenshot";
    case ScriptVerb::advance: return "advance";
    case ScriptVerb::probe: return "probe";
    case ScriptVerb::layout: return "layout";
  }
  return "wait";
}

Result<std::vector<ScriptStep>> parse_kiosk_script(std::string_view text, const std::string& name) {
  if (!is_valid_utf8(text)) return make_error("the script is not valid UTF-8", name);
  std::vector<ScriptStep> steps;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    std::string_view line = trim(raw);
    if (line.empty() || line[0] == '#') {
      if (end == text.size()) break;
      continue;
    }
    std::string where = fmt::format("{}:{}", name, line_no);
    size_t sp = line.find_first_of(" \t");
    std::string_view verb = line.substr(0, sp);
    std::string_view arg = sp == std::string_view::npos ? std::string_view{} : trim(line.substr(sp));
    ScriptStep step;
    step.line = line_no;
    bool known = false;
    for (auto v : {ScriptVerb::present, ScriptVerb::key, ScriptVerb::tap, ScriptVerb::type,
                   ScriptVerb::wait, ScriptVerb::expect, ScriptVerb::screenshot, ScriptVerb::advance,
                   ScriptVerb::probe, ScriptVerb::layout})
      if (verb_name(v) == verb) {
        step.verb = v;
        known = true;
      }
    if (!known)
      return make_error(fmt::format("unknown command '{}' (known: present, key, tap, type, wait, "
                                    "expect, screenshot, advance, probe, layout)", std::string(verb)), where);
    if (arg.empty()) return make_error(fmt::format("'{}' needs an argument", std::string(verb)), where);
    for (unsigned char ch : arg)
      if (ch < 0x20 && ch != '\t') return make_error("control characters are not allowed", where);
    step.arg = std::string(arg);
    if (step.verb == ScriptVerb::wait) {
      int ms = -1;
      auto [p, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), ms);
      if (ec != std::errc() || p != arg.data() + arg.size() || ms < 0 || ms > 600000)
        return make_error(fmt::format("'wait' needs milliseconds from 0 to 600000, not '{}'", step.arg), where);
      step.wait_ms = ms;
    }
    if (step.verb == ScriptVerb::advance) {
      int secs = -1;
      auto [p, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), secs);
      if (ec != std::errc() || p != arg.data() + arg.size() || secs < 0 || secs > 86400)
        return make_error(fmt::format("'advance' needs seconds from 0 to 86400, not '{}'", step.arg), where);
      step.wait_ms = secs;
    }
    if (step.verb == ScriptVerb::screenshot &&
        (step.arg.size() < 5 || ascii_lower(step.arg.substr(step.arg.size() - 4)) != ".png"))
      return make_error(fmt::format("'screenshot' needs a file name ending in .png, not '{}'", step.arg), where);
    steps.push_back(std::move(step));
    if (end == text.size()) break;
  }
  return steps;
}

Result<std::vector<ScriptStep>> load_kiosk_script(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read the script", path);
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_kiosk_script(ss.str(), path);
}

}  // namespace rapport
