// Nothing lost: a check-in batch is killed with SIGKILL at random moments, 200 times, and
// a run of "We met" recordings 60 times. After every kill the file passes PRAGMA
// integrity_check and every check-in or meeting acknowledged (printed) before the kill is
// in the file.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "core/store/store.hpp"
#include "support/run.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// Starts `args` with stdout to a file, stdin and stderr to /dev/null, in a process group
// of its own (so a SIGKILL to the group also ends a shell's children); returns the pid.
pid_t spawn_to_file(std::vector<std::string> args, const std::string& out_path) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &fa, &attr, argv.data(), environ) != 0) pid = -1;
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

// Starts `rapport checkin --json --batch` with stdout to a file; returns the pid.
pid_t spawn_batch(const std::string& db, const std::string& batch, const std::string& out_path) {
  return spawn_to_file({RAPPORT_BIN, "checkin", "--db", db, "--json", "--batch", batch}, out_path);
}

// Lines of `out_path` that were printed whole (a line cut by the kill was never
// acknowledged), as JSON.
std::vector<nlohmann::json> whole_lines(const std::string& out_path) {
  std::vector<nlohmann::json> out;
  std::istringstream in(read_file(out_path));
  std::string line;
  while (std::getline(in, line)) {
    if (in.eof() && !line.empty()) break;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded()) out.push_back(std::move(j));
  }
  return out;
}

bool integrity_ok(Store& store) {
  auto check = store.db().prepare("PRAGMA integrity_check");
  return check.ok() && *check->step() && check->text(0) == "ok";
}

std::set<std::string> acknowledged(const std::string& out_path) {
  std::set<std::string> ids;
  for (const auto& j : whole_lines(out_path))
    if (j["outcome"] == "checked_in" || j["outcome"] == "already_checked_in")
      ids.insert(j["attendee"]["id"].get<std::string>());
  return ids;
}

// An event file for kiosk `kiosk` with a generated roster of `attendees` people.
std::string event_file(const TempDir& dir, const std::string& kiosk, int attendees, int seed) {
  auto db = dir.file(kiosk + ".sqlite");
  auto roster = dir.file("roster.csv");
  EXPECT_EQ(run_rapport({"demo-event", "--out", roster, "--attendees", std::to_string(attendees), "--seed",
                         std::to_string(seed)})
                .exit_code,
            0);
  EXPECT_EQ(run_rapport({"init", "--db", db, "--event", "Crash Day", "--kiosk", kiosk, "--event-id", "crash-day-0001"}).exit_code, 0);
  EXPECT_EQ(run_rapport({"import", "--db", db, roster}).exit_code, 0);
  return db;
}

}  // namespace

TEST(CrashSafety, KilledCheckinsLoseNothingAcknowledged) {
  TempDir dir;
  auto db = event_file(dir, "door", 3000, 5);
  std::string lines;
  for (int i = 1; i <= 3000; ++i) lines += fmt::format("id:A{:05d}\n", i);
  auto batch = dir.write("batch.txt", lines);

  // Kill at random moments after start-up, whatever this build's start-up costs
  // (a sanitizer build starts several times slower).
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(run_rapport({"checkin", "--db", db, "--id", "A00001"}).exit_code, 0);
  int startup_us = static_cast<int>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count());
  std::mt19937 rng(20261121);
  std::set<std::string> all_acknowledged;
  int kills = 0;
  for (int round = 0; round < 200; ++round) {
    auto out = dir.file("out.jsonl");
    pid_t pid = spawn_batch(db, batch, out);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(startup_us / 2, startup_us + 40000)(rng)));
    if (kill(pid, SIGKILL) == 0) ++kills;
    int status = 0;
    waitpid(pid, &status, 0);
    auto acked = acknowledged(out);
    all_acknowledged.insert(acked.begin(), acked.end());

    auto store = Store::open(db, OpenOptions{true});
    ASSERT_TRUE(store.ok()) << "round " << round << ": " << store.error().to_string();
    ASSERT_TRUE(integrity_ok(*store)) << "round " << round;
    auto present = store->db().prepare("SELECT 1 FROM checkins WHERE attendee_id = ?");
    ASSERT_TRUE(present.ok());
    for (const auto& id : all_acknowledged) {
      present->bind(1, id);
      auto row = present->step();
      ASSERT_TRUE(row.ok() && *row) << "acknowledged check-in of " << id << " lost after kill " << round;
      present->reset();
    }
  }
  EXPECT_GE(kills, 150) << "most rounds should be killed mid-run";
  EXPECT_GT(all_acknowledged.size(), 100u);
  RecordProperty("kills", kills);
  RecordProperty("acknowledged", static_cast<int>(all_acknowledged.size()));
}

// The same for "We met": a shell records pairs one `rapport connect` at a time and the
// whole process group is killed at random moments, 60 times; every pair printed before
// the kill is in the file.
TEST(CrashSafety, KilledConnectionsLoseNothingAcknowledged) {
  TempDir dir;
  auto db = event_file(dir, "floor", 1500, 6);
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(run_rapport({"connect", "--db", db, "--ids", "A01499", "A01500"}).exit_code, 0);
  int one_us = static_cast<int>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count());
  std::mt19937 rng(20261122);
  std::set<std::pair<std::string, std::string>> all_acknowledged;
  int kills = 0;
  for (int round = 0; round < 60; ++round) {
    std::string pairs;
    for (int k = 0; k < 12; ++k) {
      int a = 1 + (round * 12 + k) * 2 % 1480;
      pairs += fmt::format("A{:05d} A{:05d}\n", a, a + 1 + round % 7);
    }
    auto list = dir.write("pairs.txt", pairs);
    auto out = dir.file("out.jsonl");
    pid_t pid = spawn_to_file({"/bin/sh", "-c",
                               "while read a b; do '" RAPPORT_BIN "' connect --db '" + db +
                                   "' --json --ids $a $b || exit 1; done < '" + list + "'"},
                              out);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(one_us / 2, one_us * 10)(rng)));
    if (kill(-pid, SIGKILL) == 0) ++kills;
    int status = 0;
    waitpid(pid, &status, 0);
    for (const auto& j : whole_lines(out)) {
      std::string a = j["a"]["id"], b = j["b"]["id"];
      all_acknowledged.insert(std::minmax(a, b));
    }
    auto store = Store::open(db, OpenOptions{true});
    ASSERT_TRUE(store.ok()) << "round " << round << ": " << store.error().to_string();
    ASSERT_TRUE(integrity_ok(*store)) << "round " << round;
    auto present = store->db().prepare("SELECT 1 FROM connections WHERE a_id = ? AND b_id = ?");
    ASSERT_TRUE(present.ok());
    for (const auto& [a, b] : all_acknowledged) {
      present->bind_all(a, b);
      auto row = present->step();
      ASSERT_TRUE(row.ok() && *row) << "acknowledged meeting of " << a << " and " << b << " lost after kill " << round;
      present->reset();
    }
  }
  EXPECT_GE(kills, 40) << "most rounds should be killed mid-run";
  EXPECT_GT(all_acknowledged.size(), 60u);
  RecordProperty("kills", kills);
  RecordProperty("acknowledged", static_cast<int>(all_acknowledged.size()));
}
