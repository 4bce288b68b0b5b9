#include "core/config/kiosk_config.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "core/config/pin.hpp"
#include "core/i18n/language.hpp"

namespace rapport {

std::string_view mode_name(KioskMode m) {
  switch (m) {
    case KioskMode::door: return "door";
    case KioskMode::floor: return "floor";
    case KioskMode::demo: return "demo";
  }
  return "door";
}

namespace {

// Reads one table's keys into fields, refusing keys it does not know, so a typo
// ("idle_secs") is reported instead of silently ignored.
class Reader {
 public:
  Reader(const toml::table& doc, std::string file) : doc_(doc), file_(std::move(file)) {}

  std::string where(const toml::node& n) const {
    return fmt::format("{}:{}", file_, n.source().begin.line);
  }

  Status check_keys(const toml::table& t, std::string_view prefix,
                    std::initializer_list<std::string_view> known) const {
    for (const auto& [k, v] : t) {
      bool ok = false;
      for (auto n : known) ok = ok || n == k.str();
      if (!ok) {
        std::string list;
        for (auto n : known) list += (list.empty() ? "" : ", ") + std::string(n);
        return make_error(fmt::format("unknown key '{}{}' (known here: {})", prefix, k.str(), list),
                          where(v));
      }
    }
    return {};
  }

  Status text(const toml::table& t, std::string_view prefix, std::string_view key, std::string& out) const {
    const toml::node* n = t.get(key);
    if (!n) return {};
    auto s = n->value<std::string>();
    if (!s) return make_error(fmt::format("'{}{}' must be a string in quotes", prefix, key), where(*n));
    out = *s;
    return {};
  }

  Status integer(const toml::table& t, std::string_view prefix, std::string_view key, int& out,
                 int lo, int hi) const {
    const toml::node* n = t.get(key);
    if (!n) return {};
    auto v = n->value_exact<int64_t>();
    if (!v) return make_error(fmt::format("'{}{}' must be a whole number", prefix, key), where(*n));
    if (*v < lo || *v > hi)
      return make_error(fmt::format("'{}{}' = {} is out of range ({}..{})", prefix, key, *v, lo, hi), where(*n));
    out = static_cast<int>(*v);
    return {};
  }

  Status number(const toml::table& t, std::string_view prefix, std::string_view key, double& out,
                double lo, double hi) const {
    const toml::node* n = t.get(key);
    if (!n) return {};
    auto v = n->value<double>();
    if (!v) return make_error(fmt::format("'{}{}' must be a number", prefix, key), where(*n));
    if (*v < lo || *v > hi)
      return make_error(fmt::format("'{}{}' = {} is out of range ({}..{})", prefix, key, *v, lo, hi), where(*n));
    out = *v;
    return {};
  }

  Status boolean(const toml::table& t, std::string_view prefix, std::string_view key, bool& out) const {
    const toml::node* n = t.get(key);
    if (!n) return {};
    auto v = n->value_exact<bool>();
    if (!v) return make_error(fmt::format("'{}{}' must be true or false", prefix, key), where(*n));
    out = *v;
    return {};
  }

  Status colour(const toml::table& t, std::string_view prefix, std::string_view key, Colour& out) const {
    const toml::node* n = t.get(key);
    if (!n) return {};
    auto s = n->value<std::string>();
    auto bad = [&](const std::string& shown) {
      return make_error(fmt::format("'{}{}' = {} is not a colour like \"#3FB68B\"", prefix, key, shown), where(*n));
    };
    if (!s) return bad("(not a string)");
    if (s->size() != 7 || (*s)[0] != '#') return bad("\"" + *s + "\"");
    Colour c = 0;
    for (size_t i = 1; i < 7; ++i) {
      char ch = (*s)[i];
      int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
              : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
      if (d < 0) return bad("\"" + *s + "\"");
      c = c * 16 + static_cast<Colour>(d);
    }
    out = c;
    return {};
  }

  // A sub-table, or an empty one when absent; a non-table is an error.
  Result<const toml::table*> table(std::string_view key) const {
    static const toml::table empty;
    const toml::node* n = doc_.get(key);
    if (!n) return &empty;
    if (!n->is_table()) return make_error(fmt::format("'{}' must be a table ([{}])", key, key), where(*n));
    return n->as_table();
  }

 private:
  const toml::table& doc_;
  std::string file_;
};

bool valid_camera(const std::string& s) {
  return s == "auto" || s == "synthetic" || (s.rfind("v4l2:", 0) == 0 && s.size() > 5) ||
         (s.rfind("images:", 0) == 0 && s.size() > 7);
}

}  // namespace

Status check_hub_url(std::string_view url) {
  std::string_view rest;
  for (std::string_view scheme : {"postgresql://", "postgres://"})
    if (url.substr(0, scheme.size()) == scheme) rest = url.substr(scheme.size());
  if (url.substr(0, 13) != "postgresql://" && url.substr(0, 11) != "postgres://")
    return make_error("must start with postgresql:// (like \"postgresql://USER:PASSWORD@HOST:5432/DBNAME\")");
  auto at = rest.rfind('@');
  std::string_view host = at == std::string_view::npos ? rest : rest.substr(at + 1);
  if (host.empty() || host[0] == '/' || host[0] == ':' || host[0] == '?')
    return make_error("names no server: put the hub's host name or address after postgresql://");
  for (unsigned char ch : url)
    if (ch < 0x21 || ch == 0x7F) return make_error("contains a space or a control character");
  return {};
}

Result<KioskConfig> parse_kiosk_config(std::string_view text, const std::string& name) {
  toml::table doc;
  try {
    doc = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    return make_error(std::string(e.description()), fmt::format("{}:{}", name, e.source().begin.line));
  }
  KioskConfig c;
  Reader r(doc, name);
  RAPPORT_TRY(r.check_keys(doc, "", {"mode", "event_name", "kiosk_id", "language", "theme", "display", "camera",
                                     "scanner", "timeouts", "fairness", "admin", "sync", "hub"}));
  if (const toml::node* n = doc.get("mode")) {
    auto s = n->value<std::string>();
    if (s && *s == "door") c.mode = KioskMode::door;
    else if (s && *s == "floor") c.mode = KioskMode::floor;
    else if (s && *s == "demo") c.mode = KioskMode::demo;
    else
      return make_error(fmt::format("'mode' = {} must be \"door\", \"floor\" or \"demo\"",
                                    s ? "\"" + *s + "\"" : std::string("(not a string)")),
                        r.where(*n));
  }
  RAPPORT_TRY(r.text(doc, "", "event_name", c.event_name));
  RAPPORT_TRY(r.text(doc, "", "kiosk_id", c.kiosk_id));
  RAPPORT_TRY(r.text(doc, "", "language", c.language));
  if (i18n::primary_subtag(c.language).empty())
    return make_error(fmt::format("'language' = \"{}\" must be a language code such as \"en\", \"de\" or \"es\"",
                                  c.language),
                      r.where(*doc.get("language")));
  c.language = i18n::primary_subtag(c.language);

  auto theme = r.table("theme");
  if (!theme) return theme.error();
  const auto& t = **theme;
  RAPPORT_TRY(r.check_keys(t, "theme.", {"background", "surface", "accent", "text", "logo", "scale"}));
  RAPPORT_TRY(r.colour(t, "theme.", "background", c.theme.background));
  RAPPORT_TRY(r.colour(t, "theme.", "surface", c.theme.surface));
  RAPPORT_TRY(r.colour(t, "theme.", "accent", c.theme.accent));
  RAPPORT_TRY(r.colour(t, "theme.", "text", c.theme.text));
  RAPPORT_TRY(r.text(t, "theme.", "logo", c.theme.logo));
  RAPPORT_TRY(r.number(t, "theme.", "scale", c.theme.scale, 0, 4));

  auto display = r.table("display");
  if (!display) return display.error();
  RAPPORT_TRY(r.check_keys(**display, "display.", {"monitor"}));
  RAPPORT_TRY(r.integer(**display, "display.", "monitor", c.display.monitor, 0, 16));

  auto cam = r.table("camera");
  if (!cam) return cam.error();
  RAPPORT_TRY(r.check_keys(**cam, "camera.", {"source", "width", "height", "fps"}));
  RAPPORT_TRY(r.text(**cam, "camera.", "source", c.camera.source));
  if (!valid_camera(c.camera.source))
    return make_error(fmt::format("'camera.source' = \"{}\" must be auto, synthetic, v4l2:/dev/videoN "
                                  "or images:DIR", c.camera.source),
                      r.where(*(*cam)->get("source")));
  RAPPORT_TRY(r.integer(**cam, "camera.", "width", c.camera.width, 160, 7680));
  RAPPORT_TRY(r.integer(**cam, "camera.", "height", c.camera.height, 120, 4320));
  RAPPORT_TRY(r.integer(**cam, "camera.", "fps", c.camera.fps, 1, 120));

  auto sc = r.table("scanner");
  if (!sc) return sc.error();
  RAPPORT_TRY(r.check_keys(**sc, "scanner.", {"max_gap_ms", "min_length", "suffix", "end_pause_ms", "debounce_ms"}));
  RAPPORT_TRY(r.integer(**sc, "scanner.", "max_gap_ms", c.scanner.max_gap_ms, 1, 1000));
  RAPPORT_TRY(r.integer(**sc, "scanner.", "min_length", c.scanner.min_length, 1, 256));
  RAPPORT_TRY(r.text(**sc, "scanner.", "suffix", c.scanner.suffix));
  RAPPORT_TRY(r.integer(**sc, "scanner.", "end_pause_ms", c.scanner.end_pause_ms, 10, 5000));
  RAPPORT_TRY(r.integer(**sc, "scanner.", "debounce_ms", c.scanner.debounce_ms, 0, 60000));

  auto to = r.table("timeouts");
  if (!to) return to.error();
  RAPPORT_TRY(r.check_keys(**to, "timeouts.", {"idle_seconds", "outcome_seconds", "we_met_seconds"}));
  RAPPORT_TRY(r.integer(**to, "timeouts.", "idle_seconds", c.timeouts.idle_seconds, 3, 3600));
  RAPPORT_TRY(r.integer(**to, "timeouts.", "outcome_seconds", c.timeouts.outcome_seconds, 1, 600));
  RAPPORT_TRY(r.integer(**to, "timeouts.", "we_met_seconds", c.timeouts.we_met_seconds, 3, 600));

  auto fa = r.table("fairness");
  if (!fa) return fa.error();
  RAPPORT_TRY(r.check_keys(**fa, "fairness.", {"exposure_window_minutes", "exposure_cap_per_window",
                                               "exclude_same_company"}));
  RAPPORT_TRY(r.number(**fa, "fairness.", "exposure_window_minutes", c.fairness.exposure_window_minutes, 1, 1440));
  RAPPORT_TRY(r.integer(**fa, "fairness.", "exposure_cap_per_window", c.fairness.exposure_cap_per_window, 1, 10000));
  RAPPORT_TRY(r.boolean(**fa, "fairness.", "exclude_same_company", c.fairness.exclude_same_company));

  auto ad = r.table("admin");
  if (!ad) return ad.error();
  RAPPORT_TRY(r.check_keys(**ad, "admin.", {"pin_hash", "max_attempts", "lock_seconds"}));
  RAPPORT_TRY(r.text(**ad, "admin.", "pin_hash", c.admin.pin_hash));
  if (!c.admin.pin_hash.empty() && !looks_like_pin_hash(c.admin.pin_hash))
    // Never echo the value: it may be a PIN pasted in by mistake.
    return make_error("'admin.pin_hash' is not a crypto_pwhash hash (make one with "
                      "'rapport kiosk --hash-pin'); the value is not shown",
                      r.where(*(*ad)->get("pin_hash")));
  RAPPORT_TRY(r.integer(**ad, "admin.", "max_attempts", c.admin.max_attempts, 1, 100));
  RAPPORT_TRY(r.integer(**ad, "admin.", "lock_seconds", c.admin.lock_seconds, 1, 86400));

  auto sy = r.table("sync");
  if (!sy) return sy.error();
  RAPPORT_TRY(r.check_keys(**sy, "sync.", {"target", "interval_seconds"}));
  RAPPORT_TRY(r.text(**sy, "sync.", "target", c.sync.target));
  RAPPORT_TRY(r.integer(**sy, "sync.", "interval_seconds", c.sync.interval_seconds, 10, 86400));

  auto hub = r.table("hub");
  if (!hub) return hub.error();
  RAPPORT_TRY(r.check_keys(**hub, "hub.", {"url", "interval_seconds"}));
  RAPPORT_TRY(r.text(**hub, "hub.", "url", c.hub.url));
  if (!c.hub.url.empty())
    if (auto u = check_hub_url(c.hub.url); !u) return make_error("'hub.url': " + u.error().message, r.where(*(*hub)->get("url")));
  RAPPORT_TRY(r.integer(**hub, "hub.", "interval_seconds", c.hub.interval_seconds, 1, 3600));
  return c;
}

Result<KioskConfig> load_kiosk_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read the kiosk config", path);
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_kiosk_config(ss.str(), path);
}

}  // namespace rapport
