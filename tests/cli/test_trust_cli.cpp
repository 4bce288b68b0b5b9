// Issue 16's small findings, end to end on the real binary: formulas in CSV exports, NUL
// bytes in rosters, who a scan identifies, --batch prefixes, control characters in what the
// CLI prints, file modes, secrets in printed URLs, the demo PIN, forgetting one person of a
// group order.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <sstream>

#include "support/run.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

namespace {

const char* kHeader =
    "id,first_name,last_name,email,company,title,interests,personal_interests,looking_for,can_help_with,consent,"
    "ticket_code\n";

std::string make_db(const TempDir& dir, const std::string& roster_body, const std::string& name = "event.sqlite") {
  auto db = dir.file(name);
  EXPECT_EQ(run_rapport({"init", "--db", db, "--event", "Trust Day", "--kiosk", "door-1"}).exit_code, 0);
  auto roster = dir.write(name + ".csv", std::string(kHeader) + roster_body);
  auto r = run_rapport({"import", "--db", db, roster});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return db;
}

std::vector<std::string> cells_of(const std::string& csv) {
  // Good enough for these files: no commas or quotes inside the values that matter here.
  std::vector<std::string> out;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (c == '"') {
      if (quoted && i + 1 < csv.size() && csv[i + 1] == '"') {
        cell += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (!quoted && (c == ',' || c == '\n')) {
      if (!cell.empty() && cell.back() == '\r') cell.pop_back();
      out.push_back(cell);
      cell.clear();
    } else {
      cell += c;
    }
  }
  if (!cell.empty()) out.push_back(cell);
  return out;
}

unsigned mode_of(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 0777;
}

}  // namespace

// Finding 6: =HYPERLINK(...), =1+2, @SUM(...), +cmd|... left the export verbatim.
TEST(TrustCli, CsvExportsNeutraliseFormulas) {
  TempDir dir;
  auto db = make_db(dir,
                    "F1,=HYPERLINK(http://evil.example),One,f1@example.org,=1+2,@SUM(A1:A9),"
                    "rust,sailing,mentoring,+cmd|' /C calc'!A0,yes,T-1\n"
                    "F2,-2+3,Two,f2@example.org,Acme,Eng,rust,sailing,mentoring,grid,yes,T-2\n"
                    "F3,Plain,Three,f3@example.org,\tTabbed,Eng,rust,sailing,mentoring,grid,yes,T-3\n");
  ASSERT_EQ(run_rapport({"checkin", "--db", db, "T-1"}).exit_code, 0);
  ASSERT_EQ(run_rapport({"checkin", "--db", db, "T-2"}).exit_code, 0);
  ASSERT_EQ(run_rapport({"connect", "--db", db, "T-1", "T-2"}).exit_code, 0);
  for (bool excel : {false, true}) {
    auto out = dir.file(excel ? "excel" : "plain");
    std::vector<std::string> args{"export", "--db", db, "--csv", out, "--followups", out + "-followups"};
    if (excel) args.push_back("--excel");
    auto r = run_rapport(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    int files = 0, checked = 0;
    for (const auto& dir_path : {out, out + "-followups"})
      for (const auto& e : fs::recursive_directory_iterator(dir_path)) {
        if (e.path().extension() != ".csv") continue;
        ++files;
        std::string text = read_file(e.path().string());
        if (text.rfind("\xEF\xBB\xBF", 0) == 0) text = text.substr(3);
        for (const auto& cell : cells_of(text)) {
          ASSERT_FALSE(!cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos)
              << e.path() << ": " << cell;
          if (!cell.empty() && cell[0] == '\'') ++checked;
        }
      }
    EXPECT_GE(files, 5);
    EXPECT_GE(checked, 5) << "the formulas are still there, behind a quote";
    auto attendees = read_file(out + "/attendees.csv");
    EXPECT_THAT(attendees, HasSubstr("'=1+2"));
    EXPECT_THAT(attendees, HasSubstr("'@SUM(A1:A9)"));
    EXPECT_THAT(attendees, HasSubstr("'-2+3"));
  }
}

// Finding 5: a NUL in a roster name went into the file and stopped every hub sync.
TEST(TrustCli, ANulByteInARosterIsRefusedWithItsLine) {
  TempDir dir;
  auto db = dir.file("event.sqlite");
  ASSERT_EQ(run_rapport({"init", "--db", db, "--event", "Trust Day"}).exit_code, 0);
  std::string body = std::string(kHeader) + "N1,Ada,One,a@example.org,,,rust,,,,yes,T-1\n" +
                     std::string("N2,Be\0n,Two,b@example.org,,,rust,,,,yes,T-2\n", 44) +
                     "N3,Cleo,Three,c@example.org,,,rust,,,,yes,T-3\n";
  auto roster = dir.write("nul.csv", body);
  auto r = run_rapport({"import", "--db", db, roster});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("nul.csv:3:"));
  EXPECT_THAT(r.err, HasSubstr("NUL"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  auto stats = run_rapport({"stats", "--db", db, "--json"});
  EXPECT_EQ(stats.json()["registered"], 0) << stats.out;
}

// Finding 7: a MECARD or vCard with someone's e-mail checked them in and connected them.
TEST(TrustCli, AContactCardIdentifiesNobody) {
  TempDir dir;
  auto db = make_db(dir, "C1,Ada,One,ada@example.org,,,rust,,,,yes,T-1\nC2,Ben,Two,ben@example.org,,,rust,,,,yes,T-2\n");
  auto r = run_rapport({"checkin", "--db", db, "--json", "MECARD:N:One,Ada;EMAIL:ada@example.org;;"});
  EXPECT_EQ(r.json()["outcome"], "unknown_code") << r.out;
  r = run_rapport({"checkin", "--db", db, "--json", "BEGIN:VCARD\nVERSION:3.0\nEMAIL:ada@example.org\nEND:VCARD"});
  EXPECT_EQ(r.json()["outcome"], "unknown_code") << r.out;
  ASSERT_EQ(run_rapport({"checkin", "--db", db, "T-1"}).exit_code, 0);
  ASSERT_EQ(run_rapport({"checkin", "--db", db, "T-2"}).exit_code, 0);
  auto c = run_rapport({"connect", "--db", db, "--json", "MECARD:N:One,Ada;EMAIL:ada@example.org;;", "T-2"});
  EXPECT_NE(c.exit_code, 0);
  auto stats = run_rapport({"stats", "--db", db, "--json"});
  EXPECT_EQ(stats.json()["connections"], 0) << stats.out;
}

// Finding 9: a scanned code "id:A2" was read as the attendee id A2.
TEST(TrustCli, BatchPrefixesAreExplicit) {
  TempDir dir;
  // Ben's ticket code is literally "id:B1" (another system's code); Ada's id is B1.
  auto db = make_db(dir, "B1,Ada,One,ada@example.org,,,rust,,,,yes,T-1\nB2,Ben,Two,ben@example.org,,,rust,,,,yes,id:B1\n");
  auto batch = dir.write("scans.txt", "code:id:B1\n");
  auto r = run_rapport({"checkin", "--db", db, "--json", "--batch", batch});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = r.json_lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["attendee"]["id"], "B2");
  batch = dir.write("ids.txt", "id:B1\ncode:T-1\nT-1\n");
  r = run_rapport({"checkin", "--db", db, "--json", "--batch", batch});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  lines = r.json_lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["attendee"]["id"], "B1");
  EXPECT_EQ(lines[1]["attendee"]["id"], "B1");
  EXPECT_EQ(lines[2]["attendee"]["id"], "B1");
  auto empty = run_rapport({"checkin", "--db", db, "--batch", dir.write("e.txt", "T-1\ncode:\n")});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_THAT(empty.err, HasSubstr("e.txt:2:"));
}

// Finding 10: escape sequences in names reached the terminal raw.
TEST(TrustCli, ControlCharactersAreEscapedInWhatTheCliPrints) {
  TempDir dir;
  auto db = make_db(dir, "E1,\"\x1b]8;;http://evil.example\x1b\\\\Eve\x1b[2J\",\"One\xc2\x9b" "31m\",e@example.org,,,rust,,,,yes,T-1\n");
  for (bool json : {false, true}) {
    std::vector<std::string> args{"checkin", "--db", db, "T-1"};
    if (json) args.push_back("--json");
    auto r = run_rapport(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("\xc2\x9b"), std::string::npos) << r.out;
    EXPECT_THAT(r.out, HasSubstr("\\u001b"));
    if (json) {
      EXPECT_THAT(r.json()["attendee"]["name"].get<std::string>(), HasSubstr("\x1b[2J"));
    }
  }
}

// Finding 10: files holding emails were created 0644 under umask 022.
TEST(TrustCli, EventFilesAndExportsAreForTheirOwnerOnly) {
  TempDir dir;
  auto old = ::umask(022);
  auto db = make_db(dir, "M1,Ada,One,ada@example.org,,,rust,,,,yes,T-1\n");
  ASSERT_EQ(run_rapport({"checkin", "--db", db, "T-1"}).exit_code, 0);
  EXPECT_EQ(mode_of(db), 0600u);
  if (fs::exists(db + "-wal")) {
    EXPECT_EQ(mode_of(db + "-wal"), 0600u);
  }
  auto org = dir.file("org.sqlite");
  ASSERT_EQ(run_rapport({"merge", "--into", org, db}).exit_code, 0);
  EXPECT_EQ(mode_of(org), 0600u);
  auto out = dir.file("csv");
  ASSERT_EQ(run_rapport({"export", "--db", db, "--csv", out, "--followups", dir.file("packs")}).exit_code, 0);
  ::umask(old);
  EXPECT_EQ(mode_of(out), 0700u);
  EXPECT_EQ(mode_of(out + "/attendees.csv"), 0600u);
  EXPECT_EQ(mode_of(dir.file("packs")), 0700u);
  for (const auto& e : fs::recursive_directory_iterator(dir.file("packs")))
    EXPECT_EQ(mode_of(e.path().string()), e.is_directory() ? 0700u : 0600u) << e.path();
}

// Finding 10: a URL with percent-encoded key names was printed unredacted.
TEST(TrustCli, EveryLibpqKeyIsRedactedInPrintedUrls) {
  TempDir dir;
  auto db = make_db(dir, "U1,Ada,One,ada@example.org,,,rust,,,,yes,T-1\n");
  for (std::string url : {"postgresql://rapport:s3cret@127.0.0.1:1/rapport",
                          "postgresql://rapport@127.0.0.1:1/rapport?%70assword=s3cret",
                          "postgresql://rapport@127.0.0.1:1/rapport?password=s3cret&sslpassword=s3cret",
                          "postgresql://rapport@127.0.0.1:1/rapport?pass%77ord=s3cret"}) {
    auto r = run_rapport({"sync", "--db", db, "--hub", url});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("127.0.0.1"));
    EXPECT_THAT(r.err, Not(HasSubstr("s3cret"))) << url;
    auto st = run_rapport({"stats", "--db", db, "--hub", url});
    EXPECT_THAT(st.out + st.err, Not(HasSubstr("s3cret"))) << url;
  }
}

// Finding 10: nothing warned when a real kiosk ran with the demo PIN.
TEST(TrustCli, ADoorKioskWithTheDemoPinWarnsAtStart) {
  TempDir dir;
  auto db = make_db(dir, "P1,Ada,One,ada@example.org,,,rust,,,,yes,T-1\n");
  auto r = run_rapport({"kiosk", "--db", db, "--config", std::string(RAPPORT_SOURCE_DIR) + "/kiosk-config/door.toml",
                        "--script", "/dev/null"},
                       {"DISPLAY=:987654"});
  EXPECT_THAT(r.err, HasSubstr("demo PIN"));
  EXPECT_THAT(r.err, HasSubstr("--hash-pin"));
  auto demo = run_rapport({"kiosk", "--db", db, "--config", std::string(RAPPORT_SOURCE_DIR) + "/kiosk-config/demo.toml",
                           "--script", "/dev/null"},
                          {"DISPLAY=:987654"});
  EXPECT_THAT(demo.err, Not(HasSubstr("demo PIN")));
}

// Finding 9: forgetting one ticket of a group order (one buyer email) kept the others out.
TEST(TrustCli, ForgettingOneOfAGroupOrderKeepsTheOthersImportable) {
  TempDir dir;
  std::string group =
      "G1,Ada,One,buyer@example.org,,,rust,,,,yes,T-1\n"
      "G2,Ben,Two,buyer@example.org,,,rust,,,,yes,T-2\n"
      "G3,Cleo,Three,buyer@example.org,,,rust,,,,yes,T-3\n";
  auto db = make_db(dir, group);
  ASSERT_EQ(run_rapport({"forget", "--db", db, "--id", "G1"}).exit_code, 0);
  // The same list again (Ben changed his name), and a list with Cleo alone.
  auto again = dir.write("again.csv", std::string(kHeader) + "G1,Ada,One,buyer@example.org,,,rust,,,,yes,T-1\n"
                                                              "G2,Benjamin,Two,buyer@example.org,,,rust,,,,yes,T-2\n"
                                                              "G3,Cleo,Three,buyer@example.org,,,rust,,,,yes,T-3\n");
  auto r = run_rapport({"import", "--db", db, again, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto alone = dir.write("alone.csv", std::string(kHeader) + "G3,Cleo,Three-Changed,buyer@example.org,,,rust,,,,yes,T-3\n");
  r = run_rapport({"import", "--db", db, alone, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto ben = run_rapport({"checkin", "--db", db, "--json", "T-2"});
  EXPECT_EQ(ben.json()["attendee"]["first_name"], "Benjamin") << ben.out;
  auto cleo = run_rapport({"checkin", "--db", db, "--json", "T-3"});
  EXPECT_EQ(cleo.json()["attendee"]["name"], "Cleo Three-Changed") << cleo.out;
  auto ada = run_rapport({"checkin", "--db", db, "--json", "T-1"});
  EXPECT_NE(ada.json()["outcome"], "checked_in") << ada.out;
  // A forgotten person alone on a list under a new id is still recognised by email.
  auto solo_db = make_db(dir, "S1,Sam,Solo,sam@example.org,,,rust,,,,yes,T-9\n", "solo.sqlite");
  ASSERT_EQ(run_rapport({"forget", "--db", solo_db, "--id", "S1"}).exit_code, 0);
  auto back = dir.write("back.csv", std::string(kHeader) + "X9,Sam,Solo,SAM@example.org,,,rust,,,,yes,T-99\n");
  r = run_rapport({"import", "--db", solo_db, back, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto sam = run_rapport({"checkin", "--db", solo_db, "--json", "T-99"});
  EXPECT_EQ(sam.json()["outcome"], "unknown_code") << sam.out;
}
