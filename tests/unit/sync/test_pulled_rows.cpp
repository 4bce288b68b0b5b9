// Rows pulled from the hub are checked as rows of their table before a kiosk applies them
// (issue 16, findings 4 and 5), and a code or e-mail from the roster never changes hands.
#include <gtest/gtest.h>

#include "core/roster/csv.hpp"
#include "core/roster/import.hpp"
#include "core/sync/pulled_rows.hpp"
#include "../support/temp_dir.hpp"

using namespace rapport;
using nlohmann::json;

namespace {
TimePoint now() { return *parse_iso8601("2026-11-21T09:00:00.000Z"); }

json person(const std::string& id) {
  return {{"id", id}, {"first_name", "Ada"}, {"last_name", "One"}, {"email", "ada@example.org"},
          {"company", ""}, {"title", ""}, {"status", "active"}, {"consent", 1}, {"suggest_opt_out", 0},
          {"source", "native"}, {"kiosk_id", "door-1"}, {"created_at", "2026-11-21T07:00:00.000Z"},
          {"updated_at", "2026-11-21T07:00:00.000Z"},
          {"tags", json::array({{{"kind", "interest"}, {"tag", "rust"}, {"label", "Rust"}}})}};
}
}  // namespace

TEST(PulledRows, GoodRowsPassBadRowsAreReportedWithTheirReason) {
  RowBatch page;
  page.attendees.push_back(person("A1"));
  auto huge = person("A2");
  huge["first_name"] = std::string(20 * 1024 * 1024, 'A');
  page.attendees.push_back(huge);
  auto nul = person("A3");
  nul["last_name"] = std::string("Be\0n", 4);
  page.attendees.push_back(nul);
  auto future = person("A4");
  future["updated_at"] = "9999-12-31T00:00:00.000Z";
  page.attendees.push_back(future);
  auto status = person("A5");
  status["status"] = "admin";
  page.attendees.push_back(status);
  auto number = person("A6");
  number["email"] = 42;
  page.attendees.push_back(number);
  auto tags = person("A7");
  tags["tags"][0]["tag"] = "something else";
  page.attendees.push_back(tags);
  page.attendees.push_back("not an object");
  page.checkins.push_back({{"attendee_id", "A1"}, {"at", "2026-11-21T08:00:00.000Z"}, {"kiosk_id", "door-1"},
                           {"method", "badge"}});
  page.checkins.push_back({{"attendee_id", "A1"}, {"at", "yesterday"}, {"kiosk_id", "door-1"}, {"method", "badge"}});
  page.connections.push_back({{"a_id", "A1"}, {"b_id", "A1"}, {"at", "2026-11-21T08:00:00.000Z"},
                              {"kiosk_id", "door-1"}, {"kiosks", "door-1"}, {"method", "scan"}});
  auto checked = check_pulled_rows(page, now());
  ASSERT_EQ(checked.rows.attendees.size(), 1u) << checked.rows.attendees.dump().substr(0, 300);
  EXPECT_EQ(checked.rows.attendees[0]["id"], "A1");
  EXPECT_EQ(checked.rows.checkins.size(), 1u);
  EXPECT_EQ(checked.rows.connections.size(), 0u);
  ASSERT_EQ(checked.rejected.size(), 9u);
  EXPECT_EQ(checked.rejected[0].key, "A2");
  EXPECT_EQ(checked.rejected[0].reason, "first_name is 20971520 bytes (at most 256)");
  EXPECT_NE(checked.rejected[1].reason.find("control character or NUL"), std::string::npos);
  EXPECT_NE(checked.rejected[2].reason.find("lies in the future"), std::string::npos);
  EXPECT_NE(checked.rejected[3].reason.find("not a known value"), std::string::npos);
  EXPECT_NE(checked.rejected[4].reason.find("not text"), std::string::npos);
  EXPECT_NE(checked.rejected[5].reason.find("key does not match"), std::string::npos);
  EXPECT_NE(checked.rejected[7].reason.find("not a time"), std::string::npos);
}

TEST(PulledRows, KeepIdentityKeepsTheRostersEmailAndCodes) {
  test::TempDir dir;
  auto s = Store::create(dir.file("e.sqlite"), EventInfo{"Day", "", "floor-1"},
                         fixed_clock(*parse_iso8601("2026-11-21T07:00:00.000Z")));
  ASSERT_TRUE(s.ok());
  auto parsed = parse_roster("id,first_name,last_name,email,consent,ticket_code\nA1,Ada,One,ada@example.org,yes,T-1\n"
                             "A2,Ben,Two,ben@example.org,yes,T-2\n",
                             "r.csv", RosterFormat::native, ImportMapping{});
  ASSERT_TRUE(parsed.ok());
  ASSERT_TRUE(import_roster(*s, std::move(*parsed)).ok());
  RowBatch page;
  auto newer = person("A1");
  newer["first_name"] = "Adaline";
  newer["email"] = "mallory@evil.example";
  newer["updated_at"] = "2026-11-21T08:30:00.000Z";
  page.attendees.push_back(newer);
  page.codes.push_back({{"code", "T-2"}, {"attendee_id", "A1"}, {"kind", "ticket_code"}, {"revoked_at", nullptr},
                        {"kiosk_id", "door-1"}, {"created_at", "2000-01-01T00:00:00.000Z"}});
  auto walk_in = person("W1");
  walk_in["email"] = "walkin@example.org";
  page.attendees.push_back(walk_in);
  page.codes.push_back({{"code", "B-W1"}, {"attendee_id", "W1"}, {"kind", "badge"}, {"revoked_at", nullptr},
                        {"kiosk_id", "door-1"}, {"created_at", "2026-11-21T08:00:00.000Z"}});
  auto checked = check_pulled_rows(page, now());
  ASSERT_TRUE(checked.rejected.empty()) << checked.rejected[0].reason;
  ASSERT_TRUE(s->db().write([&]() -> Status {
                  auto a = apply_rows(s->db(), checked.rows, ApplyOptions{true});
                  return a ? Status{} : Status(a.error());
                }).ok());
  EXPECT_EQ(*s->db().text_of("SELECT first_name || ' ' || email FROM attendees WHERE id = 'A1'"),
            std::optional<std::string>("Adaline ada@example.org"));
  EXPECT_EQ(*s->db().text_of("SELECT attendee_id FROM attendee_codes WHERE code = 'T-2'"),
            std::optional<std::string>("A2"));
  // Someone new (a walk-in at another kiosk) arrives with their e-mail and badge.
  EXPECT_EQ(*s->db().text_of("SELECT email FROM attendees WHERE id = 'W1'"),
            std::optional<std::string>("walkin@example.org"));
  EXPECT_EQ(*s->db().text_of("SELECT attendee_id FROM attendee_codes WHERE code = 'B-W1'"),
            std::optional<std::string>("W1"));
}

TEST(SpreadsheetCell, FormulasGetALeadingQuoteOthersStayAsTheyAre) {
  for (const char* f : {"=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\tx", "\rx", "  =1+2",
                        "\xEF\xBC\x9D" "1+2"})
    EXPECT_EQ(spreadsheet_cell(f), std::string("'") + f) << f;
  for (const char* f : {"Thảo", "", "2026-11-21T09:00:00.000Z", "a=b", "O'Neill", "  "})
    EXPECT_EQ(spreadsheet_cell(f), f) << f;
  EXPECT_EQ(spreadsheet_line({"=x", "y"}), "'=x,y\r\n");
}
