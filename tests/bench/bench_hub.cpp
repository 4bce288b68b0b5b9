// Several kiosks, one hub: ten simulated kiosks on loopback, each checking in 20 people
// a second (its own writer thread, as the front desk) while its hub sync thread (the
// kiosk's own, 1 s interval as in the default kiosk config) pushes and pulls. Measures
// the sync lag - from a check-in acknowledged at one kiosk to that check-in being in
// every other kiosk's file - and the rows per second the hub takes.
//
// Starts its own throwaway PostgreSQL with tests/hub/pg.sh (127.0.0.1, a free port) and
// removes it afterwards. Target: p95 lag under 3 s.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "core/checkin/checkin.hpp"
#include "core/roster/demo_event.hpp"
#include "core/roster/import.hpp"
#include "core/store/store.hpp"
#include "hub/hub_schema.hpp"
#include "hub/hub_thread.hpp"
#include "hub/pg.hpp"

namespace fs = std::filesystem;
using namespace rapport;
using Clock_ = std::chrono::steady_clock;

namespace {

constexpr int kKiosks = 10;
constexpr int kScansPerSecond = 20;
constexpr int kSeconds = 20;
constexpr int kAttendees = kKiosks * kScansPerSecond * kSeconds + 200;

struct Server {
  std::string dir;
  std::string url;
  explicit Server(std::string d) : dir(std::move(d)) {
    std::string cmd = fmt::format("{} fresh '{}' >/dev/null", RAPPORT_PG_SH, dir);
    if (std::system(cmd.c_str()) != 0) return;
    std::ifstream in(dir + "/url");
    std::getline(in, url);
  }
  ~Server() { (void)std::system(fmt::format("{} destroy '{}' >/dev/null", RAPPORT_PG_SH, dir).c_str()); }
};

void BM_HubSyncLag(benchmark::State& state) {
  fs::path work = fs::temp_directory_path() / fmt::format("rapport-bench-hub-{}", getpid());
  fs::create_directories(work);
  for (auto _ : state) {
    Server pg((work / "pg").string());
    if (pg.url.empty()) {
      state.SkipWithError("could not start PostgreSQL (tests/hub/pg.sh)");
      break;
    }
    auto conn = hub::PgConn::connect(pg.url);
    if (!conn || !hub::init_hub(*conn)) {
      state.SkipWithError("could not create the hub");
      break;
    }
    // One prepared event file, copied to every kiosk (as a deployment does).
    std::string proto = (work / "proto.sqlite").string();
    std::vector<std::string> ids;
    {
      auto s = Store::create(proto, EventInfo{"Bench Day", "", "proto"});
      auto parsed = parse_roster(demo_roster_csv({static_cast<size_t>(kAttendees), 7}), "bench.csv",
                                 RosterFormat::native, ImportMapping{});
      if (!s || !parsed || !import_roster(*s, std::move(*parsed))) {
        state.SkipWithError("could not make the event file");
        break;
      }
      auto st = s->db().prepare("SELECT id FROM attendees ORDER BY id");
      while (st && *st->step()) ids.push_back(st->text(0));
      (void)s->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::vector<std::string> files;
    for (int k = 0; k < kKiosks; ++k) {
      files.push_back((work / fmt::format("kiosk-{}.sqlite", k)).string());
      fs::copy_file(proto, files.back(), fs::copy_options::overwrite_existing);
      auto s = Store::open(files.back());
      (void)s->db().exec(fmt::format("UPDATE event SET kiosk_id = 'kiosk-{:02}'", k));
    }

    std::mutex mu;
    std::map<std::string, Clock_::time_point> acked;        // attendee -> acknowledged at its kiosk
    std::vector<std::map<std::string, Clock_::time_point>> seen(kKiosks);  // per kiosk: pulled at
    std::vector<std::unique_ptr<hub::HubSyncThread>> syncs;
    for (int k = 0; k < kKiosks; ++k) {
      hub::HubSyncThread::Options o;
      o.url = pg.url;
      o.db_path = files[k];
      o.interval = std::chrono::milliseconds(1000);
      o.on_pulled = [&, k](const AppliedRows& rows) {
        auto now = Clock_::now();
        std::lock_guard lock(mu);
        for (const auto& id : rows.checkins) seen[k].emplace(id, now);
      };
      auto t = hub::HubSyncThread::start(std::move(o));
      if (!t) {
        state.SkipWithError(t.error().to_string().c_str());
        break;
      }
      syncs.push_back(std::move(*t));
    }
    // Warm up: every kiosk's first (whole-file) push, outside the measurement.
    auto warm_until = Clock_::now() + std::chrono::seconds(60);
    while (Clock_::now() < warm_until) {
      bool all = true;
      for (auto& s : syncs) all = all && s->status().cycles >= 2 && s->status().connected;
      if (all) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }

    // The load: each kiosk checks in its own people, 20 a second.
    std::atomic<int64_t> writes{0}, failed{0};
    int64_t pushed_before = 0;
    for (auto& s : syncs) pushed_before += s->status().pushed_total;
    auto t0 = Clock_::now();
    std::vector<std::thread> writers;
    for (int k = 0; k < kKiosks; ++k)
      writers.emplace_back([&, k] {
        auto store = Store::open(files[k]);
        if (!store) {
          ++failed;
          return;
        }
        auto next = Clock_::now();
        for (int i = 0; i < kScansPerSecond * kSeconds; ++i) {
          next += std::chrono::milliseconds(1000 / kScansPerSecond);
          std::this_thread::sleep_until(next);
          size_t ix = static_cast<size_t>(i) * kKiosks + k;
          if (ix >= ids.size()) break;
          auto c = checkin_attendee(*store, ids[ix], CheckinMethod::badge);
          if (!c) {
            ++failed;
            continue;
          }
          auto now = Clock_::now();
          std::lock_guard lock(mu);
          acked.emplace(ids[ix], now);
          ++writes;
        }
      });
    for (auto& w : writers) w.join();
    auto t1 = Clock_::now();
    // Drain: wait (bounded) until every kiosk has every other kiosk's check-ins.
    auto drain_until = t1 + std::chrono::seconds(20);
    while (Clock_::now() < drain_until) {
      size_t expected = 0, have = 0;
      {
        std::lock_guard lock(mu);
        expected = acked.size() * (kKiosks - 1);
        for (const auto& m : seen) have += m.size();
      }
      if (have >= expected) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    auto t2 = Clock_::now();
    int64_t pushed = -pushed_before;  // rows sent to the hub during the load and the drain
    for (auto& s : syncs) pushed += s->status().pushed_total;
    syncs.clear();

    std::vector<double> lags;
    int64_t missing = 0;
    {
      std::lock_guard lock(mu);
      for (const auto& [id, at] : acked) {
        size_t ix = std::find(ids.begin(), ids.end(), id) - ids.begin();
        int writer = static_cast<int>(ix % kKiosks);
        for (int k = 0; k < kKiosks; ++k) {
          if (k == writer) continue;
          auto it = seen[k].find(id);
          if (it == seen[k].end()) {
            ++missing;
            continue;
          }
          lags.push_back(std::chrono::duration<double>(it->second - at).count());
        }
      }
    }
    std::sort(lags.begin(), lags.end());
    auto pct = [&](double p) { return lags.empty() ? -1.0 : lags[std::min(lags.size() - 1, size_t(p * lags.size()))]; };
    auto hub_rows = conn->exec("SELECT count(*) FROM rapport.checkins");
    double load_s = std::chrono::duration<double>(t1 - t0).count();
    state.counters["kiosks"] = kKiosks;
    state.counters["writes"] = static_cast<double>(writes.load());
    state.counters["write_errors"] = static_cast<double>(failed.load());
    state.counters["p50_lag_s"] = pct(0.50);
    state.counters["p95_lag_s"] = pct(0.95);
    state.counters["max_lag_s"] = lags.empty() ? -1 : lags.back();
    state.counters["never_seen"] = static_cast<double>(missing);
    state.counters["hub_checkins"] = hub_rows ? static_cast<double>(hub_rows->integer(0, 0)) : -1;
    state.counters["hub_rows_per_s"] = static_cast<double>(pushed) / load_s;
    state.counters["drain_s"] = std::chrono::duration<double>(t2 - t1).count();
    fmt::print(stderr, "hub sync: {} kiosks x {} scans/s for {:.0f} s: p50 {:.2f} s, p95 {:.2f} s (target < 3 s: {}), "
                       "max {:.2f} s, {} never seen; hub took {:.0f} rows/s\n",
               kKiosks, kScansPerSecond, load_s, pct(0.5), pct(0.95), pct(0.95) >= 0 && pct(0.95) < 3 ? "met" : "NOT met",
               lags.empty() ? -1 : lags.back(), missing, static_cast<double>(pushed) / load_s);
  }
  std::error_code ec;
  fs::remove_all(work, ec);
}
BENCHMARK(BM_HubSyncLag)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
