// The ten-hour day (issue 8): one floor kiosk, the real binary under Xvfb, 5,000 scans
// from a generated script. Most scans come from the keyboard-wedge path (a USB scanner
// types the code), a steady one in SOAK_CAMERA_EVERY through the synthetic camera and
// the real decoder (rendering and decoding a frame per scan on two shared cores under
// software GL would take far longer than a suite test may). Every twentieth scan is followed
// by a "We met" with a second badge; every 1,000 the staff open the admin screen (stats,
// graph) and press "Sync now". The event clock moves 7.2 s per scan (`advance`), so the
// day spans ten hours of check-ins, curves and periodic pushes to the sync target.
//
// The kiosk's `probe` records RSS, heap in use, open descriptors and live GL objects.
// Between the middle and the end of the day memory must stay flat (thresholds below),
// descriptors and GL objects must not grow at all, and nothing may be lost: every person
// scanned is checked in, every "We met" is a connection, and the organizer file holds
// the same check-ins after the last push.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <map>
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "core/store/store.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using rapport::test::TempDir;
using rapport::test::read_file;

namespace {

constexpr int64_t kMaxRssGrowthKib = 8 * 1024;        // second half of the day
constexpr int64_t kMaxHeapGrowthBytes = 1 * 1024 * 1024;  // SQLite's page cache aside

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

int sh(const std::string& cmd) { return std::system(cmd.c_str()); }

struct Person {
  std::string id, first_name, code;
};

std::vector<Person> people_of(const std::string& db) {
  auto store = Store::open(db, OpenOptions{true});
  EXPECT_TRUE(store.ok());
  std::vector<Person> out;
  auto st = store->db().prepare(
      "SELECT a.id, a.first_name, min(c.code) FROM attendees a JOIN attendee_codes c ON c.attendee_id = a.id "
      "WHERE a.status = 'active' AND c.revoked_at IS NULL GROUP BY a.id ORDER BY a.id");
  EXPECT_TRUE(st.ok());
  while (*st->step()) out.push_back({st->text(0), st->text(1), st->text(2)});
  return out;
}

int64_t count(const std::string& db, const std::string& sql) {
  auto store = Store::open(db, OpenOptions{true});
  EXPECT_TRUE(store.ok()) << db;
  if (!store) return -1;
  return *store->db().scalar_int(sql);
}

std::string admin_visit(bool from_attract = false) {
  std::string s = from_attract ? "" : "tap Done\nexpect Hold your badge up to the camera\n";
  for (int i = 0; i < 5; ++i) s += "tap [admin corner]\n";
  s += "expect Staff only - enter the PIN\ntap 2\ntap 4\ntap 6\ntap 8\ntap OK\n";
  s += "expect Check-ins per 15 minutes\ntap Sync now\nexpect Synced at\nwait 800\ntap Back to kiosk\n";
  return s;
}

}  // namespace

TEST(Soak, TenHourDayStaysFlat) {
  if (sh("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run is not installed";
  const int scans = env_int("SOAK_SCANS", 5000);
  const int attendees = env_int("SOAK_ATTENDEES", 1500);
  const int camera_every = env_int("SOAK_CAMERA_EVERY", 50);
  const int meet_every = env_int("SOAK_MEET_EVERY", 20);
  // Small: software GL draws every frame on the CPU; the soak is about leaks, not looks.
  const int width = env_int("SOAK_WIDTH", 640), height = width * 9 / 16;
  const std::string bin = RAPPORT_BIN;
  TempDir dir;
  std::string db = dir.file("event.sqlite"), roster = dir.file("roster.csv");
  std::string stick = dir.file("stick"), org = stick + "/organizer.sqlite";
  ASSERT_EQ(sh(fmt::format("'{}' init --db '{}' --event 'Soak Day' >/dev/null", bin, db)), 0);
  ASSERT_EQ(sh(fmt::format("'{}' demo-event --attendees {} --out '{}' >/dev/null", bin, attendees, roster)), 0);
  ASSERT_EQ(sh(fmt::format("'{}' import --db '{}' '{}' >/dev/null", bin, db, roster)), 0);
  std::filesystem::create_directories(stick);
  auto people = people_of(db);
  ASSERT_GE(people.size(), 100u);

  // The floor config, syncing to a folder every 5 (event) minutes.
  std::string cfg = read_file(std::string(RAPPORT_SOURCE_DIR) + "/kiosk-config/floor.toml");
  auto at = cfg.find("target = \"\"");
  ASSERT_NE(at, std::string::npos);
  cfg.replace(at, 11, "target = \"" + org + "\"");
  // A smaller, slower synthetic camera: it renders and decodes every frame on the CPU.
  for (auto [from, to] : {std::pair<std::string, std::string>{"width = 1280", "width = 640"},
                          {"height = 720", "height = 360"}, {"fps = 30", "fps = 15"}}) {
    auto w = cfg.find(from);
    ASSERT_NE(w, std::string::npos) << from;
    cfg.replace(w, from.size(), to);
  }
  std::string cfg_path = dir.write("floor.toml", cfg);

  // The day's script.
  std::ostringstream script;
  std::vector<std::string> probes_at;
  int meets = 0;
  std::set<std::string> here;
  std::set<std::pair<std::string, std::string>> pairs;
  size_t next_person = 0;
  auto pick = [&] { return people[next_person++ % people.size()]; };
  for (int i = 0; i < scans; ++i) {
    if (i == scans / 10) script << "probe warm\n";
    if (i == scans / 2) script << "probe half\n";
    script << "advance " << (i % 5 == 0 ? 8 : 7) << "\n";  // 36,000 s over 5,000 scans
    Person p = pick();
    if (camera_every > 0 && i % camera_every == camera_every - 1) script << "present " << p.code << "\n";
    else script << "key " << p.code << "\n";
    // The greeting names this scan's person ("Welcome, X!" the first time, "Hi X" on the
    // floor after that), so the script never mistakes the previous screen for this one.
    script << "expect " << (here.count(p.id) ? "Hi " + p.first_name : "Welcome, " + p.first_name + "!") << "\n";
    here.insert(p.id);
    if (i % meet_every == meet_every - 1 && i > 20) {
      // Two people met: from the attract screen, one badge then the other.
      Person a = people[(i * 7) % people.size()], b = people[(i * 7 + 3) % people.size()];
      script << "tap Done\nexpect We met someone\ntap We met someone\nexpect Scan your badge first\n"
             << "key " << a.code << "\nexpect Now scan the other person's badge\n"
             << "key " << b.code << "\nexpect Done\n";  // only the result has Done ("have met" / "had already met")
      ++meets;
      pairs.insert(std::minmax(a.id, b.id));
      here.insert(a.id);  // a "We met" scan is being here too
      here.insert(b.id);
    }
    if (i % 1000 == 999 && i != scans - 1) script << admin_visit();  // the day ends with one anyway
  }
  script << "tap Done\nexpect Hold your badge up to the camera\nwait 500\nprobe end\n";
  // The last push, so the organizer file can be compared with the kiosk's own.
  script << admin_visit(true);
  std::string script_path = dir.write("day.txt", script.str());
  if (const char* keep = std::getenv("SOAK_KEEP")) std::filesystem::copy_file(script_path, keep,
                                                     std::filesystem::copy_options::overwrite_existing);
  if (std::getenv("SOAK_DRY")) GTEST_SKIP() << "SOAK_DRY: script written only";
  std::string probes = dir.file("probes.json"), err = dir.file("kiosk.err");

  // Under AddressSanitizer the GUI process runs without leak checks (under_xvfb.sh); this
  // test's own RSS and heap figures are the leak check here.
  auto t0 = std::chrono::steady_clock::now();
  int rc = sh(fmt::format("cd '{}' && TMPDIR='{}' RAPPORT_KIOSK_PROBES='{}' '{}/tests/support/under_xvfb.sh' {}x{} '{}' kiosk "
                          "--db '{}' --config '{}' --camera synthetic --windowed {}x{} --script '{}' 2>'{}'",
                          dir.path().string(), dir.path().string(), probes, RAPPORT_SOURCE_DIR, width, height, bin, db,
                          cfg_path, width, height, script_path, err));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_EQ(WEXITSTATUS(rc), 0) << read_file(err);
  std::cout << read_file(err);

  auto j = nlohmann::json::parse(read_file(probes));
  std::map<std::string, nlohmann::json> by;
  for (const auto& p : j["probes"]) by[p["name"].get<std::string>()] = p;
  ASSERT_TRUE(by.count("warm") && by.count("half") && by.count("end"));
  const auto &warm = by["warm"], &half = by["half"], &end = by["end"];
  int64_t rss_growth = end["rss_kib"].get<int64_t>() - half["rss_kib"].get<int64_t>();
  int64_t heap_growth = end["heap_in_use_bytes"].get<int64_t>() - half["heap_in_use_bytes"].get<int64_t>();
  // SQLite's page cache grows with the file (up to the cache_size cap): data, not a leak.
  int64_t sqlite_growth = end["sqlite_memory_bytes"].get<int64_t>() - half["sqlite_memory_bytes"].get<int64_t>();
  std::cout << fmt::format(
      "soak: {} scans ({} by camera), {} 'We met', {} attendees, {:.0f} s wall, {} frames\n"
      "soak: RSS KiB warm {} half {} end {} -> second-half growth {} KiB\n"
      "soak: heap in use (all arenas) warm {} half {} end {} -> second-half growth {} bytes, of which SQLite's "
      "page cache {} bytes (SQLite total at end {})\n"
      "soak: fds warm {} half {} end {}\n"
      "soak: GL live textures {}/{}/{}, buffers {}/{}/{}, vertex arrays {}/{}/{} (warm/half/end); "
      "created over the day: {} textures, {} buffers, {} vertex arrays\n",
      scans, camera_every > 0 ? scans / camera_every : 0, meets, people.size(), seconds,
      end["frames"].get<int64_t>(), warm["rss_kib"].get<int64_t>(), half["rss_kib"].get<int64_t>(),
      end["rss_kib"].get<int64_t>(), rss_growth, warm["heap_in_use_bytes"].get<int64_t>(),
      half["heap_in_use_bytes"].get<int64_t>(), end["heap_in_use_bytes"].get<int64_t>(), heap_growth,
      sqlite_growth, end["sqlite_memory_bytes"].get<int64_t>(),
      warm["fds"].get<int>(), half["fds"].get<int>(), end["fds"].get<int>(), warm["gl_textures_live"].get<int64_t>(),
      half["gl_textures_live"].get<int64_t>(), end["gl_textures_live"].get<int64_t>(),
      warm["gl_buffers_live"].get<int64_t>(), half["gl_buffers_live"].get<int64_t>(),
      end["gl_buffers_live"].get<int64_t>(), warm["gl_vertex_arrays_live"].get<int64_t>(),
      half["gl_vertex_arrays_live"].get<int64_t>(), end["gl_vertex_arrays_live"].get<int64_t>(),
      end["gl_textures_created"].get<int64_t>(), end["gl_buffers_created"].get<int64_t>(),
      end["gl_vertex_arrays_created"].get<int64_t>());

  // Under AddressSanitizer RSS holds its quarantine of freed blocks (up to 256 MiB) and
  // says nothing about leaks; the heap figure is then ASan's own count of live bytes.
  if (!end.value("sanitized", false)) {
    EXPECT_LT(rss_growth, kMaxRssGrowthKib) << "memory grew in the second half of the day";
  }
  EXPECT_LT(heap_growth - sqlite_growth, kMaxHeapGrowthBytes)
      << "heap in use (SQLite's cache aside) grew in the second half of the day";
  EXPECT_EQ(end["fds"], half["fds"]) << "file descriptors leaked";
  // The shaped-text cache keeps a bounded, varying number of textures (the names lately on
  // screen); every other texture must be as many at the end as at half-day.
  auto other_textures = [](const nlohmann::json& p) {
    return p["gl_textures_live"].get<int64_t>() - p["gl_text_textures_live"].get<int64_t>();
  };
  EXPECT_EQ(other_textures(end), other_textures(half)) << "GL textures outside the text cache leaked";
  EXPECT_LE(end["gl_text_textures_live"].get<int64_t>(), 2 * 768) << "the text cache outgrew its limits";
  for (const char* k : {"gl_buffers_live", "gl_vertex_arrays_live"})
    EXPECT_EQ(end[k], half[k]) << k << " leaked";
  EXPECT_GT(end["gl_vertex_arrays_created"].get<int64_t>(), end["frames"].get<int64_t>() / 2)
      << "the census saw no GL traffic: it is not counting";

  // Nothing lost: everyone scanned is checked in, every "We met" is there, the day spans
  // ten hours, and the organizer file has what the kiosk has.
  int64_t scanned = std::min<int64_t>(scans, static_cast<int64_t>(people.size()));
  EXPECT_EQ(count(db, "SELECT count(*) FROM checkins"), scanned);
  EXPECT_EQ(count(db, "SELECT count(*) FROM connections"), static_cast<int64_t>(pairs.size()));
  EXPECT_GE(count(db, "SELECT (julianday(max(at)) - julianday(min(at))) * 24 FROM suggestions_shown"),
            scans >= 5000 ? 9 : 0);
  EXPECT_EQ(count(org, "SELECT count(*) FROM checkins"), count(db, "SELECT count(*) FROM checkins"));
  EXPECT_EQ(count(org, "SELECT count(*) FROM connections"), count(db, "SELECT count(*) FROM connections"));
}
