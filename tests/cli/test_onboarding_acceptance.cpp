// Issue 12's acceptance test: a plain pretix roster (no custom questions: nobody has said
// yes, nobody has a tag), 30 people onboard through the real kiosk under Xvfb (invitation,
// a few chips, "Done"), then the suggestions for them stand on a real basis (a score and
// a reason from what they picked) at least 95% of the time.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>

#include "support/run.hpp"

using namespace rapport::test;

namespace {

constexpr int kPeople = 30;

std::string secret_of(int i) { return fmt::format("onb{:02d}secretabcdefghijklmnopqrstu", i); }

std::string write_plain_pretix(const TempDir& dir) {
  std::string path = dir.file("pretix.csv");
  std::ofstream out(path);
  out << "Event slug,Order code,Position ID,Status,Email,Order date,Product,Attendee name,Attendee email,"
         "Company,Ticket secret\n";
  for (int i = 1; i <= kPeople; ++i)
    out << fmt::format("devconf,ORD{0:02d},{0},Paid,buyer{0}@example.org,2026-10-01,Conference Ticket,"
                       "Person{0} Example,p{0}@example.org,Company {1},{2}\n",
                       i, i % 5, secret_of(i));
  return path;
}

// Each person taps two interests, one thing they can help with and one they look for.
std::string write_script(const TempDir& dir) {
  const char* interests[] = {"Rust", "Python", "Open source", "Security"};
  const char* help[] = {"Hiring", "Mentoring", "Fundraising"};
  std::string path = dir.file("onboard30.txt");
  std::ofstream out(path);
  for (int i = 1; i <= kPeople; ++i) {
    out << "present " << secret_of(i) << "\n"
        << "wait 1000\n"  // a loaded test machine may take a moment to decode and answer
        << "expect Yes, introduce me\n"
        << "tap Yes, introduce me\n"
        << "expect What would you like to talk about?\n"
        << "tap " << interests[i % 4] << "\n"
        << "tap " << interests[(i + 1) % 4] << "\n"
        << "expect 2 picked\n"
        << "tap Next\n"
        << "expect I can help with\n"
        << "tap " << help[i % 3] << "\n"
        << "tap Next\n"
        << "expect I'm looking for\n"
        << "tap " << help[(i + 1) % 3] << "\n"
        << "tap Done\n"
        << "expect Edit my interests\n";
    if (i == kPeople) out << "screenshot last_person.png\n";
    out << "tap Done\n"
        << "expect Hold your badge up to the camera\n";
  }
  return path;
}

}  // namespace

TEST(OnboardingAcceptance, ThirtyPeopleOnboardAtTheKioskAndGetSuggestionsWithARealBasis) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run is not installed";
  TempDir dir;
  std::string db = dir.file("event.sqlite");
  std::string src = RAPPORT_SOURCE_DIR;
  ASSERT_EQ(run_rapport({"init", "--db", db, "--event", "DevConf", "--kiosk", "floor-1", "--topics",
                         src + "/kiosk-config/topics.toml"}).exit_code, 0);
  auto imp = run_rapport({"import", "--db", db, write_plain_pretix(dir), "--json"});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  ASSERT_EQ(imp.json()["imported"], kPeople);
  ASSERT_EQ(imp.json()["consented"], 0) << "a plain roster: nobody has said yes yet";

  std::string script = write_script(dir);
  std::string cmd = fmt::format(
      "cd '{0}' && TMPDIR='{0}' '{1}/tests/support/under_xvfb.sh' 1920x1080 '{2}' kiosk --db '{3}' "
      "--config '{1}/kiosk-config/floor.toml' --camera synthetic --script '{4}' 2>'{0}/kiosk.err'",
      dir.path().string(), src, RAPPORT_BIN, db, script);
  int rc = std::system(cmd.c_str());
  ASSERT_EQ(rc, 0) << read_file(dir.file("kiosk.err"));

  auto stats = run_rapport({"stats", "--db", db, "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(stats.json()["onboarded"], kPeople);
  EXPECT_EQ(stats.json()["present_consented"], kPeople);
  EXPECT_EQ(stats.json()["present_no_interests"], 0);

  std::string batch = dir.file("ids.txt");
  {
    std::ofstream out(batch);
    for (int i = 1; i <= kPeople; ++i) out << fmt::format("id:ORD{0:02d}-{0}\n", i);
  }
  auto sug = run_rapport({"suggest", "--db", db, "--batch", batch, "--json", "--dry-run"});
  ASSERT_EQ(sug.exit_code, 0) << sug.err;
  int total = 0, with_basis = 0;
  for (const auto& j : sug.json_lines()) {
    ASSERT_TRUE(j.contains("suggestions")) << j.dump();
    EXPECT_EQ(j["suggestions"].size(), 2u) << j.dump();
    for (const auto& s : j["suggestions"]) {
      ++total;
      if (s["score"].get<double>() > 0 && !s["reasons"].empty()) ++with_basis;
    }
  }
  ASSERT_EQ(total, 2 * kPeople);
  double share = static_cast<double>(with_basis) / total;
  std::cout << fmt::format("suggestions with a real basis: {}/{} ({:.1f}%)\n", with_basis, total, 100 * share);
  EXPECT_GE(share, 0.95);
}
