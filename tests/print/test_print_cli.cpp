// Printing at the door against a real CUPS scheduler (tests/print/cups.sh, started by the
// CTest fixture): the queue "door" is stopped, so each job's document stays in the spool,
// and the test reads it back: a PDF of the label's size whose QR decodes (pdftoppm +
// zbarimg, and rapport's own decoder) to the person's badge code.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <thread>

#include "support/run.hpp"
#include "support/run_cmd.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;

namespace {
std::string cups_server() {
  auto s = read_file(std::string(RAPPORT_CUPS_DIR) + "/server");
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}
std::vector<std::string> cups_env() { return {"CUPS_SERVER=" + cups_server()}; }

std::string imported_db(const TempDir& dir) {
  auto db = dir.file("event.sqlite");
  EXPECT_EQ(run_rapport({"init", "--db", db, "--event", "DevConf", "--kiosk", "door-1"}).exit_code, 0);
  EXPECT_EQ(run_rapport({"import", "--db", db, data_file("roster_native.csv")}).exit_code, 0);
  return db;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// The document CUPS keeps for a job (the queue is stopped, so it waits in the spool).
std::string spooled(int job) {
  std::string path = fmt::format("{}/spool/d{:05d}-001", RAPPORT_CUPS_DIR, job);
  for (int i = 0; i < 50 && !std::filesystem::exists(path); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  return path;
}

// Every QR code zbarimg finds on the rasterised PDF.
std::string decode_pdf(const TempDir& dir, const std::string& pdf) {
  auto r = run_cmd({"pdftoppm", "-r", "200", "-png", "-singlefile", pdf, dir.file("page")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return trimmed(run_cmd({"zbarimg", "-q", "--raw", dir.file("page.png")}).out);
}

// "W x H pts" from pdfinfo.
std::string page_size(const std::string& pdf) {
  auto info = run_cmd({"pdfinfo", pdf}).out;
  auto at = info.find("Page size:");
  if (at == std::string::npos) return "";
  auto end = info.find(" pts", at);
  auto line = info.substr(at + 10, end - at - 10);
  return std::string(line.substr(line.find_first_not_of(' ')));
}
}  // namespace

TEST(PrintCli, EachLabelPresetPrintsAPdfOfItsSizeThatDecodesToTheBadgeCode) {
  TempDir dir;
  auto db = imported_db(dir);
  ASSERT_EQ(run_rapport({"badges", "--db", db, "--out", dir.file("png"), "--only", "A1"}).exit_code, 0);
  auto code = trimmed(run_cmd({"sqlite3", db, "SELECT code FROM attendee_codes WHERE attendee_id = 'A1' AND kind = 'badge'"}).out);
  ASSERT_THAT(code, ::testing::StartsWith("RPT1:"));
  const std::vector<std::pair<std::string, std::string>> presets = {
      {"62x100mm", "175.748 x 283.465"}, {"4x3in", "288 x 216"}, {"a6", "297.638 x 419.528"},
      {"a4", "595.276 x 841.89"},        {"letter", "612 x 792"}};
  for (const auto& [label, size] : presets) {
    auto r = run_rapport({"badges", "--db", db, "--only", "A1", "--print", "door", "--label", label, "--json"}, cups_env());
    ASSERT_EQ(r.exit_code, 0) << label << ": " << r.err;
    auto j = r.json();
    EXPECT_EQ(j["printed"], 1);
    int job = j["files"][0]["job"];
    auto doc = spooled(job);
    ASSERT_TRUE(std::filesystem::exists(doc)) << label;
    EXPECT_EQ(read_file(doc).substr(0, 5), "%PDF-") << label;
    EXPECT_EQ(page_size(doc), size) << label;
    EXPECT_EQ(decode_pdf(dir, doc), code) << label;
  }
  // The kiosk's own decoder reads the printed label too.
  auto r = run_rapport({"badges", "--db", db, "--only", "A1", "--print", "door", "--label", "62x100mm", "--json"}, cups_env());
  auto doc = spooled(r.json()["files"][0]["job"]);
  ASSERT_EQ(run_cmd({"pdftoppm", "-r", "200", "-png", "-singlefile", doc, dir.file("label")}).exit_code, 0);
  auto decoded = run_rapport({"decode", "--json", dir.file("label.png")});
  EXPECT_THAT(decoded.out, HasSubstr(code));
}

TEST(PrintCli, WalkinPrintsItsNewBadge) {
  TempDir dir;
  auto db = imported_db(dir);
  auto r = run_rapport({"walkin", "--db", db, "--first-name", "अनुष्का", "--last-name", "शर्मा", "--print", "door",
                        "--label", "62x100mm", "--json"},
                       cups_env());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = r.json();
  EXPECT_EQ(j["printed"], true);
  auto jobs = run_cmd({"lpstat", "-h", cups_server(), "-o", "door"}).out;
  ASSERT_FALSE(jobs.empty());
  // The newest job in the queue holds the walk-in's badge.
  int newest = 0;
  for (auto at = jobs.find("door-"); at != std::string::npos; at = jobs.find("door-", at + 1))
    newest = std::max(newest, std::stoi(jobs.substr(at + 5)));
  EXPECT_EQ(decode_pdf(dir, spooled(newest)), j["code"].get<std::string>());
}

TEST(PrintCli, StaffCardPrintsAQrThatTheFileKnows) {
  TempDir dir;
  auto db = imported_db(dir);
  auto r = run_rapport({"badges", "--db", db, "--staff-card", "--pdf", dir.file("staff.pdf"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string card = r.json()["staff_card"];
  EXPECT_THAT(card, ::testing::MatchesRegex("RPTS:[A-Z2-7]{26}"));
  EXPECT_EQ(decode_pdf(dir, dir.file("staff.pdf")), card);
  auto again = run_rapport({"badges", "--db", db, "--staff-card", "--revoke-staff-cards", "--print", "door", "--json"},
                           cups_env());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.json()["revoked"], 1);
  EXPECT_EQ(again.json()["printed"], true);
  EXPECT_EQ(trimmed(run_cmd({"sqlite3", db, "SELECT count(*) FROM staff_cards WHERE revoked_at IS NULL"}).out), "1");
}

TEST(PrintCli, NoSuchQueueOrNoCupsIsExit1WithOneClearLineAndNoNewCode) {
  TempDir dir;
  auto db = imported_db(dir);
  ASSERT_EQ(run_rapport({"badges", "--db", db, "--out", dir.file("png")}).exit_code, 0);
  auto codes = run_cmd({"sqlite3", db, "SELECT code FROM attendee_codes ORDER BY code"}).out;
  auto missing = run_rapport({"badges", "--db", db, "--reissue", "A1", "--print", "nope"}, cups_env());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("no printer queue 'nope'"));
  EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1);
  auto down = run_rapport({"badges", "--db", db, "--only", "A1", "--print", "door"}, {"CUPS_SERVER=127.0.0.1:1"});
  EXPECT_EQ(down.exit_code, 1);
  EXPECT_THAT(down.err, HasSubstr("cannot reach CUPS"));
  EXPECT_EQ(std::count(down.err.begin(), down.err.end(), '\n'), 1);
  // A missing printer changes nothing: the reissue above did not revoke A1's code.
  EXPECT_EQ(run_cmd({"sqlite3", db, "SELECT code FROM attendee_codes ORDER BY code"}).out, codes);
  auto label = run_rapport({"badges", "--db", db, "--only", "A1", "--print", "door", "--label", "huge"}, cups_env());
  EXPECT_EQ(label.exit_code, 2);
  // A walk-in is still checked in when the printer is offline; the badge is reported unprinted.
  auto w = run_rapport({"walkin", "--db", db, "--first-name", "Kai", "--print", "door", "--json"},
                       {"CUPS_SERVER=127.0.0.1:1"});
  EXPECT_EQ(w.exit_code, 1);
  EXPECT_EQ(w.json()["outcome"], "checked_in");
  EXPECT_EQ(w.json()["printed"], false);
  EXPECT_THAT(w.err, HasSubstr("not printed"));
}
