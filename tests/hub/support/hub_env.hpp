#pragma once
// What the hub tests share: the throwaway PostgreSQL the CTest fixture started
// (tests/hub/pg.sh, URL in RAPPORT_HUB_DIR/url), one fresh database per test, kiosk files
// made with the real binary, and kiosk processes running in the background.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <set>
#include <thread>
#include <vector>

#include "../../cli/support/run.hpp"
#include "hub/pg.hpp"

namespace rapport::test {

// The server URL (its maintenance database "postgres"); fails the test when the fixture
// did not start one.
inline std::string server_url(const std::string& dir = RAPPORT_HUB_DIR) {
  std::ifstream in(dir + "/url");
  std::string url;
  std::getline(in, url);
  if (url.empty())
    ADD_FAILURE() << "no test PostgreSQL at " << dir << " (ctest starts it; by hand: tests/hub/pg.sh start " << dir
                  << ")";
  return url;
}

// A new, empty database on that server for one test; returns its URL.
inline std::string fresh_database(const std::string& name, const std::string& server = server_url()) {
  auto conn = hub::PgConn::connect(server);
  EXPECT_TRUE(conn.ok()) << (conn.ok() ? "" : conn.error().to_string());
  if (!conn.ok()) return {};
  // A database name cannot be a parameter; these names are constants of the tests.
  (void)conn->exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  auto made = conn->exec("CREATE DATABASE " + name);
  EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().to_string());
  return server.substr(0, server.rfind('/') + 1) + name;
}

// Six people who share interests, so that anyone present can be suggested to anyone.
inline const char* kSmallRoster =
    "id,first_name,last_name,email,company,title,interests,personal_interests,looking_for,can_help_with,consent,"
    "ticket_code\n"
    "P1,Ada,One,ada@example.org,Acme,Eng,climate data;rust,sailing,mentoring,grid modelling,yes,T-0001\n"
    "P2,Ben,Two,ben@example.org,Globex,Eng,climate data;rust,sailing,grid modelling,mentoring,yes,T-0002\n"
    "P3,Cleo,Three,cleo@example.org,Initech,Eng,climate data;rust,sailing,mentoring,grid modelling,yes,T-0003\n"
    "P4,Dan,Four,dan@example.org,Umbrella,Eng,climate data;rust,sailing,grid modelling,mentoring,yes,T-0004\n"
    "P5,Eve,Five,eve@example.org,Hooli,Eng,climate data;rust,sailing,mentoring,grid modelling,yes,T-0005\n"
    "P6,Fay,Six,fay@example.org,Vandelay,Eng,climate data;rust,sailing,grid modelling,mentoring,yes,T-0006\n";

// A kiosk file for event "Hub Test Day" with `roster` imported.
inline std::string make_kiosk(const TempDir& dir, const std::string& kiosk, const std::string& roster_csv) {
  std::string db = dir.file(kiosk + ".sqlite");
  auto init = run_rapport({"init", "--db", db, "--event", "Hub Test Day", "--kiosk", kiosk, "--event-id", "hub-test-day-0001"});
  EXPECT_EQ(init.exit_code, 0) << init.err;
  std::string roster = dir.write(kiosk + "-roster.csv", roster_csv);
  auto imp = run_rapport({"import", "--db", db, roster});
  EXPECT_EQ(imp.exit_code, 0) << imp.err;
  return db;
}

// Checks these attendees in by id at the kiosk file `db`.
inline std::vector<std::string> checkin_ids(const std::string& db, std::vector<std::string> ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) {
    auto r = run_rapport({"checkin", "--db", db, "--id", id});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    out.push_back(id);
  }
  return out;
}

// A long-running rapport process (a kiosk's sync thread: `rapport sync --every`).
class Background {
 public:
  Background(const std::vector<std::string>& args, const std::string& log, const std::vector<std::string>& env = {}) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, (log + ".err").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    std::vector<std::string> all{RAPPORT_BIN};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> envs;
    for (char** e = environ; *e; ++e) envs.emplace_back(*e);
    envs.insert(envs.end(), env.begin(), env.end());
    std::vector<char*> envp;
    for (auto& e : envs) envp.push_back(e.data());
    envp.push_back(nullptr);
    if (posix_spawn(&pid_, RAPPORT_BIN, &fa, nullptr, argv.data(), envp.data()) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&fa);
  }
  ~Background() { stop(SIGTERM); }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  // Sends `sig` and reaps the process; returns its wait status.
  int stop(int sig) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, sig);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }
  bool running() const { return pid_ > 0; }

 private:
  pid_t pid_ = -1;
};

// Polls `done` every 50 ms until it holds or `limit` passes; returns the time it took.
template <class F>
std::chrono::milliseconds wait_until(F done, std::chrono::milliseconds limit) {
  auto t0 = std::chrono::steady_clock::now();
  while (!done()) {
    if (std::chrono::steady_clock::now() - t0 > limit) return std::chrono::milliseconds::max();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
}

// What a query prints in the sqlite3 shell, read-only (the file stays as the kiosk left it).
inline std::string text_in(const std::string& db, const std::string& sql) {
  std::string cmd = "sqlite3 -readonly -cmd '.timeout 5000' '" + db + "' \"" + sql + "\"";
  FILE* p = popen(cmd.c_str(), "r");
  std::string s;
  char buf[4096];
  while (p && fgets(buf, sizeof buf, p)) s += buf;
  if (p) pclose(p);
  return s;
}

// One number from a kiosk file.
inline long long count_in(const std::string& db, const std::string& sql) {
  std::string s = text_in(db, sql);
  return s.empty() ? -1 : std::atoll(s.c_str());
}

// One number from the hub.
inline long long count_at_hub(const std::string& url, const std::string& sql) {
  auto conn = hub::PgConn::connect(url);
  if (!conn) return -1;
  auto r = conn->exec(sql);
  if (!r) return -1;
  return r->integer(0, 0);
}

}  // namespace rapport::test
