#include "core/sync/pulled_rows.hpp"

#include <fmt/format.h>

#include <optional>
#include <set>

#include "core/util/text.hpp"

namespace rapport {

using nlohmann::json;

namespace {

// One row under inspection: every check names the field and says what is wrong.
class RowCheck {
 public:
  RowCheck(const json& row, const RowLimits& limits, TimePoint now) : row_(row), lim_(limits), now_(now) {}
  const std::optional<std::string>& failure() const { return why_; }

  // A text field: present (unless optional), a string, valid UTF-8, no control character,
  // at most `max` bytes, non-empty when required.
  void text(const char* key, size_t max, bool required = true, bool may_be_null = false) {
    if (why_) return;
    auto it = row_.find(key);
    if (it == row_.end() || it->is_null()) {
      if (required && !may_be_null) fail(fmt::format("{} is missing", key));
      return;
    }
    if (!it->is_string()) return fail(fmt::format("{} is not text", key));
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > max) return fail(fmt::format("{} is {} bytes (at most {})", key, s.size(), max));
    if (required && s.empty()) return fail(fmt::format("{} is empty", key));
    if (!is_valid_utf8(s)) return fail(fmt::format("{} is not valid UTF-8", key));
    for (unsigned char c : s)
      if (c < 0x20 || c == 0x7F) return fail(fmt::format("{} holds a control character or NUL", key));
  }
  // A time: text that reads as ISO-8601 and is not far ahead of this kiosk's clock.
  void time(const char* key, bool may_be_null = false) {
    text(key, lim_.timestamp, true, may_be_null);
    if (why_) return;
    auto it = row_.find(key);
    if (it == row_.end() || it->is_null()) return;
    const auto& s = it->get_ref<const std::string&>();
    auto t = parse_iso8601(s.substr(0, 24));
    if (!t) return fail(fmt::format("{} '{}' is not a time", key, s));
    // Compared as text (times sort as text): year 9999 does not fit a time_point.
    if (*t > now_ + lim_.future || s.substr(0, 24) > to_iso8601(now_ + lim_.future))
      return fail(fmt::format("{} '{}' lies in the future", key, s));
  }
  void one_of(const char* key, std::initializer_list<std::string_view> allowed) {
    if (why_) return;
    auto it = row_.find(key);
    if (it == row_.end() || !it->is_string()) return fail(fmt::format("{} is missing", key));
    for (auto a : allowed)
      if (it->get_ref<const std::string&>() == a) return;
    fail(fmt::format("{} '{}' is not a known value", key, it->get<std::string>().substr(0, 40)));
  }
  void flag(const char* key) {
    if (why_) return;
    auto it = row_.find(key);
    if (it == row_.end() || it->is_null()) return;
    if (!it->is_number_integer() || (it->get<int64_t>() != 0 && it->get<int64_t>() != 1))
      fail(fmt::format("{} must be 0 or 1", key));
  }
  void number(const char* key) {
    if (why_) return;
    auto it = row_.find(key);
    if (it == row_.end() || !it->is_number()) return fail(fmt::format("{} is not a number", key));
    double d = it->get<double>();
    if (!(d > -1e9 && d < 1e9)) fail(fmt::format("{} is out of range", key));
  }
  void fail(std::string why) {
    if (!why_) why_ = std::move(why);
  }

 private:
  const json& row_;
  const RowLimits& lim_;
  TimePoint now_;
  std::optional<std::string> why_;
};

std::string key_of(const json& row, std::initializer_list<const char*> keys) {
  std::string out;
  for (const char* k : keys) {
    auto it = row.is_object() ? row.find(k) : row.end();
    std::string v = it != row.end() && it->is_string() ? it->get<std::string>() : std::string("?");
    if (!out.empty()) out += "/";
    out += v.substr(0, 80);
  }
  // Shown to staff and in logs: no control characters, valid UTF-8.
  std::string clean;
  for (unsigned char c : drawable_text(out)) clean += (c < 0x20 || c == 0x7F) ? '?' : static_cast<char>(c);
  return clean;
}

template <class Check>
void sift(const json& in, json& out, std::vector<RejectedRow>& rejected, const char* table,
          std::initializer_list<const char*> key, const RowLimits& lim, TimePoint now, Check check) {
  if (!in.is_array()) {
    rejected.push_back({table, "", "the hub sent no list of rows"});
    return;
  }
  for (const auto& row : in) {
    std::optional<std::string> why;
    if (!row.is_object()) {
      why = "not a row (JSON object)";
    } else {
      RowCheck c(row, lim, now);
      check(c, row);
      why = c.failure();
    }
    if (why)
      rejected.push_back({table, key_of(row, key), *why});
    else
      out.push_back(row);
  }
}

}  // namespace

CheckedRows check_pulled_rows(const RowBatch& page, TimePoint now, const RowLimits& lim) {
  CheckedRows out;
  auto& rej = out.rejected;
  sift(page.forgotten, out.rows.forgotten, rej, "forgotten", {"attendee_id"}, lim, now, [&](RowCheck& c, const json&) {
    c.text("attendee_id", lim.id);
    c.text("email_hash", lim.hash, false);
    c.time("at");
    c.text("kiosk_id", lim.kiosk);
  });
  sift(page.attendees, out.rows.attendees, rej, "attendees", {"id"}, lim, now, [&](RowCheck& c, const json& r) {
    c.text("id", lim.id);
    c.text("first_name", lim.name, false);
    c.text("last_name", lim.name, false);
    c.text("email", lim.email, false);
    c.text("company", lim.company, false);
    c.text("title", lim.company, false);
    c.one_of("status", {"active", "cancelled", "blocked", "forgotten"});
    c.flag("consent");
    c.flag("suggest_opt_out");
    c.text("source", lim.kiosk, false);
    c.text("kiosk_id", lim.kiosk);
    c.time("created_at");
    c.time("updated_at");
    auto tags = r.find("tags");
    if (tags == r.end() || tags->is_null()) return;
    if (!tags->is_array()) return c.fail("tags is not a list");
    if (tags->size() > lim.tags) return c.fail(fmt::format("{} tags (at most {})", tags->size(), lim.tags));
    for (const auto& t : *tags) {
      if (!t.is_object()) return c.fail("a tag is not a JSON object");
      RowCheck tc(t, lim, now);
      tc.one_of("kind", {"interest", "personal", "looking_for", "can_help_with"});
      tc.text("tag", lim.tag);
      tc.text("label", lim.tag);
      if (tc.failure()) return c.fail("tag: " + *tc.failure());
      if (tag_key(t["label"].get<std::string>()) != t["tag"].get<std::string>())
        return c.fail("a tag's key does not match its label");
    }
  });
  sift(page.codes, out.rows.codes, rej, "codes", {"code"}, lim, now, [&](RowCheck& c, const json&) {
    c.text("code", lim.code);
    c.text("attendee_id", lim.id);
    c.one_of("kind", {"badge", "ticket_code", "ticket_secret", "barcode", "attendee_number"});
    c.time("revoked_at", true);
    c.text("kiosk_id", lim.kiosk);
    c.time("created_at");
  });
  sift(page.checkins, out.rows.checkins, rej, "checkins", {"attendee_id"}, lim, now, [&](RowCheck& c, const json&) {
    c.text("attendee_id", lim.id);
    c.time("at");
    c.text("kiosk_id", lim.kiosk);
    c.one_of("method", {"badge", "ticket", "manual", "id"});
  });
  sift(page.connections, out.rows.connections, rej, "connections", {"a_id", "b_id"}, lim, now,
       [&](RowCheck& c, const json& r) {
         c.text("a_id", lim.id);
         c.text("b_id", lim.id);
         c.time("at");
         c.text("kiosk_id", lim.kiosk);
         c.text("kiosks", lim.kiosks, false);
         c.one_of("method", {"scan", "suggestion", "manual"});
         if (!c.failure() && r["a_id"] == r["b_id"]) c.fail("a person cannot meet themselves");
       });
  sift(page.suggestions, out.rows.suggestions, rej, "suggestions", {"id"}, lim, now, [&](RowCheck& c, const json& r) {
    c.text("id", lim.id);
    c.text("for_id", lim.id);
    c.text("shown_id", lim.id);
    c.text("kind", lim.tag);
    c.number("score");
    c.time("at");
    c.text("kiosk_id", lim.kiosk);
    if (!c.failure() && r["for_id"] == r["shown_id"]) c.fail("a suggestion of a person to themselves");
  });
  return out;
}

}  // namespace rapport
