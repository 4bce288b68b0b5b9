// Badges print and scan back: `rapport badges` writes PNGs and PDF sheets; the sheets are
// rasterised with pdftoppm and read by zbarimg (another reader) and by `rapport decode`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "support/run.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;

namespace {

std::string imported_db(const TempDir& dir) {
  auto db = dir.file("event.sqlite");
  EXPECT_EQ(run_rapport({"init", "--db", db, "--event", "DevConf 2026", "--kiosk", "door-1"}).exit_code, 0);
  EXPECT_EQ(run_rapport({"import", "--db", db, data_file("roster_native.csv")}).exit_code, 0);
  return db;
}

bool have(const std::string& tool) { return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0; }

// Runs a shell command and returns its stdout (stderr dropped: zbarimg chatters about dbus).
std::string shell(const std::string& cmd) {
  std::string out;
  FILE* p = popen((cmd + " 2>/dev/null").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::set<std::string> zbar_codes(const std::string& png) {
  std::set<std::string> codes;
  std::istringstream in(shell("zbarimg -q --raw " + png));
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) codes.insert(line);
  return codes;
}

}  // namespace

TEST(BadgesCli, OnePngPerActiveAttendeeThatDecodesToThem) {
  TempDir dir;
  auto db = imported_db(dir);
  auto r = run_rapport({"badges", "--db", db, "--out", dir.file("badges"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = r.json();
  EXPECT_EQ(j["badges"], 5);
  EXPECT_TRUE(j["pdf"].is_null());
  ASSERT_EQ(j["files"].size(), 5u);
  std::vector<std::string> args = {"decode", "--db", db, "--json"};
  for (const auto& f : j["files"]) args.push_back(f["file"]);
  auto d = run_rapport(args);
  ASSERT_EQ(d.exit_code, 0) << d.err;
  auto lines = d.json_lines();
  ASSERT_EQ(lines.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(lines[i]["file"], j["files"][i]["file"]);
    EXPECT_EQ(lines[i]["found"], true);
    EXPECT_THAT(lines[i]["text"].get<std::string>(), ::testing::StartsWith("RPT1:"));
    EXPECT_EQ(lines[i]["attendee"], j["files"][i]["id"]);
    EXPECT_TRUE(lines[i]["ms"].is_number());
  }
  if (have("zbarimg")) {
    auto z = zbar_codes(j["files"][0]["file"].get<std::string>());
    ASSERT_EQ(z.size(), 1u);
    EXPECT_EQ(*z.begin(), lines[0]["text"]);
  }
}

TEST(BadgesCli, PdfSheetsRasteriseAndScanWithZbarAndRapport) {
  if (!have("pdftoppm") || !have("zbarimg") || !have("convert")) GTEST_SKIP() << "poppler-utils, zbar-tools or imagemagick missing";
  for (std::string paper : {"a4", "letter"}) {
    TempDir dir;
    auto db = imported_db(dir);
    auto pdf = dir.file("sheet.pdf");
    auto r = run_rapport({"badges", "--db", db, "--out", dir.file("png"), "--pdf", pdf, "--paper", paper, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.json()["pages"], 1);
    EXPECT_EQ(r.json()["paper"], paper);
    // Print resolution of an office printer's preview: 150 dpi.
    shell("pdftoppm -r 150 -png " + pdf + " " + dir.file("page"));
    std::string page = dir.file("page-1.png");
    ASSERT_TRUE(std::filesystem::exists(page)) << paper;
    auto size = shell("identify -format '%w %h' " + page);
    EXPECT_EQ(size, paper == "a4" ? "1241 1754" : "1275 1650");
    // Each badge cut out of the page (2 columns x 3 rows of 4x3 in, centred), as a door
    // scanner sees one badge at a time. (zbar on the whole page now and then pairs the
    // finder patterns of neighbouring codes, which line up on the sheet, and misses one.)
    double scale = 150.0 / 72, pw = paper == "a4" ? 595.276 : 612, ph = paper == "a4" ? 841.89 : 792;
    double mx = (pw - 576) / 2, my = (ph - 648) / 2;
    std::vector<std::string> args = {"decode", "--db", db, "--json"};
    std::set<std::string> z;
    for (int slot = 0; slot < 5; ++slot) {
      std::string tile = dir.file("tile" + std::to_string(slot) + ".png");
      int x = static_cast<int>((mx + (slot % 2) * 288) * scale), y = static_cast<int>((my + (slot / 2) * 216) * scale);
      shell("convert " + page + " -crop 600x450+" + std::to_string(x) + "+" + std::to_string(y) + " +repage " + tile);
      args.push_back(tile);
      // Another reader: zbar reads every badge.
      auto one = zbar_codes(tile);
      EXPECT_EQ(one.size(), 1u) << paper << " badge " << slot;
      z.insert(one.begin(), one.end());
    }
    EXPECT_EQ(z.size(), 5u) << paper;
    auto d = run_rapport(args);
    ASSERT_EQ(d.exit_code, 0) << d.err;
    std::set<std::string> ours, attendees;
    for (const auto& l : d.json_lines()) {
      EXPECT_EQ(l["found"], true) << l.dump();
      if (l["found"] == true) ours.insert(l["text"].get<std::string>());
      if (l["attendee"].is_string()) attendees.insert(l["attendee"].get<std::string>());
    }
    EXPECT_EQ(ours, z);
    EXPECT_EQ(attendees, (std::set<std::string>{"A1", "A2", "A3", "A4", "A5"}));
  }
}

TEST(BadgesCli, OnlyAndReissue) {
  TempDir dir;
  auto db = imported_db(dir);
  auto first = run_rapport({"badges", "--db", db, "--out", dir.file("a"), "--only", "A2", "--json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(first.json()["files"].size(), 1u);
  std::string old_png = first.json()["files"][0]["file"];
  auto old_code = run_rapport({"decode", "--db", db, "--json", old_png}).json()["text"].get<std::string>();

  auto again = run_rapport({"badges", "--db", db, "--out", dir.file("b"), "--reissue", "A2", "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  std::string new_png = again.json()["files"][0]["file"];
  auto fresh = run_rapport({"decode", "--db", db, "--json", new_png}).json();
  EXPECT_NE(fresh["text"], old_code);
  EXPECT_EQ(fresh["attendee"], "A2");
  // The lost badge no longer names anyone, and the door says why.
  EXPECT_TRUE(run_rapport({"decode", "--db", db, "--json", old_png}).json()["attendee"].is_null());
  auto door = run_rapport({"checkin", "--db", db, "--json", old_code});
  EXPECT_EQ(door.json()["outcome"], "unknown_code");
  EXPECT_EQ(door.json()["reason"], "this badge was replaced by a new one");

  auto unknown = run_rapport({"badges", "--db", db, "--out", dir.file("c"), "--only", "NOPE"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no attendee with id 'NOPE'"));
  auto paper = run_rapport({"badges", "--db", db, "--out", dir.file("c"), "--paper", "a5"});
  EXPECT_EQ(paper.exit_code, 2);
  auto nodb = run_rapport({"badges", "--db", dir.file("missing.sqlite"), "--out", dir.file("c")});
  EXPECT_EQ(nodb.exit_code, 2);
}

TEST(BadgesCli, CancelledPeopleGetNoBadgeUnlessAskedFor) {
  TempDir dir;
  auto db = dir.file("event.sqlite");
  ASSERT_EQ(run_rapport({"init", "--db", db, "--event", "DevConf"}).exit_code, 0);
  ASSERT_EQ(run_rapport({"import", "--db", db, data_file("eventbrite.csv")}).exit_code, 0);
  auto all = run_rapport({"badges", "--db", db, "--out", dir.file("b"), "--json"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.json()["badges"], 2);  // Carla's ticket was cancelled
  auto text = run_rapport({"badges", "--db", db, "--out", dir.file("c"), "--pdf", dir.file("s.pdf")});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_THAT(text.out, HasSubstr("Wrote 2 badges to"));
  EXPECT_THAT(text.out, HasSubstr("1 page (a4)"));
  EXPECT_FALSE(std::filesystem::exists(dir.file("s.pdf.tmp")));
}

TEST(DecodeCli, UnreadableFilesGetTheirOwnLineAndTheRunGoesOn) {
  TempDir dir;
  auto db = imported_db(dir);
  auto b = run_rapport({"badges", "--db", db, "--out", dir.file("b"), "--only", "A1", "--json"});
  std::string png = b.json()["files"][0]["file"];
  auto junk = dir.write("junk.png", "this is not a PNG");
  auto blank = dir.file("blank.png");
  if (have("convert")) shell("convert -size 320x240 xc:gray50 " + blank);
  auto r = run_rapport({"decode", "--db", db, "--json", junk, dir.file("missing.jpg"), png, blank});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto lines = r.json_lines();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["found"], false);
  EXPECT_TRUE(lines[0]["error"].is_string());
  EXPECT_TRUE(lines[0]["text"].is_null());
  EXPECT_EQ(lines[1]["found"], false);
  EXPECT_EQ(lines[1]["error"], "no such image file");
  EXPECT_EQ(lines[2]["found"], true);
  EXPECT_EQ(lines[2]["attendee"], "A1");
  if (have("convert")) {
    EXPECT_EQ(lines[3]["found"], false);
    EXPECT_FALSE(lines[3].contains("error"));
    EXPECT_TRUE(lines[3]["attendee"].is_null());
  }
  auto text = run_rapport({"decode", png, junk});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_THAT(text.out, HasSubstr(png + ": RPT1:"));
  EXPECT_THAT(text.out, HasSubstr(junk + ": error:"));
}

TEST(DecodeCli, BadUsageIsExit2) {
  TempDir dir;
  EXPECT_EQ(run_rapport({"decode", "--json"}).exit_code, 2);  // no images
  auto r = run_rapport({"decode", "--db", dir.file("missing.sqlite"), "x.png"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
}

TEST(DecodeCli, QrencodeAndDegradedPhotosFromOtherWriters) {
  if (!have("qrencode") || !have("convert")) GTEST_SKIP() << "qrencode or imagemagick missing";
  TempDir dir;
  auto db = imported_db(dir);
  // A pretix-style ticket secret and a vCard from someone else's badge printer.
  auto q1 = dir.file("ticket.png"), q2 = dir.file("vcard.png"), rot = dir.file("rotated.jpg");
  shell("qrencode -l M -s 6 -o " + q1 + " 'T-0003'");
  shell("qrencode -l Q -s 4 -o " + q2 + " 'BEGIN:VCARD\nVERSION:3.0\nFN:Jose Garcia\nEMAIL:jose@example.org\nEND:VCARD'");
  shell("convert -size 1280x720 xc:gray45 \\( " + q1 + " \\) -gravity center -composite -background gray45 -rotate 40 "
        "-gravity center -extent 1280x720 -blur 0x1 -quality 60 " + rot);
  auto r = run_rapport({"decode", "--db", db, "--json", q1, q2, rot});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = r.json_lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["attendee"], "A3");
  // The vCard is read, but an e-mail names nobody (issue 16, finding 7).
  EXPECT_NE(lines[1]["text"].get<std::string>().find("jose@example.org"), std::string::npos);
  EXPECT_TRUE(!lines[1].contains("attendee") || lines[1]["attendee"].is_null()) << lines[1];
  EXPECT_EQ(lines[2]["text"], "T-0003");
  EXPECT_EQ(lines[2]["attendee"], "A3");
}
