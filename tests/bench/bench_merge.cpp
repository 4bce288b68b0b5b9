// Merging a big day: 4 kiosk files, each with the 50,000-person roster, and 500,000
// connection rows between them (50,000 of those pairs seen at two kiosks), plus 40,000
// check-ins with doubles. Targets: the first merge into a new organizer file < 10 s;
// re-running it with nothing new < 1 s.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <unistd.h>

#include "core/roster/demo_event.hpp"
#include "core/roster/import.hpp"
#include "core/store/store.hpp"
#include "core/sync/merge.hpp"
#include "core/util/clock.hpp"

using namespace rapport;
namespace fs = std::filesystem;

namespace {

constexpr int kAttendees = 50'000;
constexpr int kKiosks = 4;
constexpr int kUniquePairs = 450'000;
constexpr int kSharedPairs = 50'000;  // seen at a second kiosk too: 500,000 rows in all
constexpr int kCheckins = 40'000;

std::string id_of(int n) { return fmt::format("A{:05d}", n + 1); }
std::string time_of(int minute_of_day, int ms) {
  return fmt::format("2026-11-21T{:02d}:{:02d}:{:02d}.{:03d}Z", 8 + minute_of_day / 60 % 10, minute_of_day % 60,
                     ms / 1000 % 60, ms % 1000);
}

void must(const Status& s) {
  if (!s) {
    fmt::print(stderr, "bench setup failed: {}\n", s.error().to_string());
    std::exit(1);
  }
}

struct Day {
  fs::path dir;
  std::vector<std::string> kiosks;

  bool keep = false;

  Day() {
    // RAPPORT_BENCH_DIR keeps the generated kiosk files between runs (setup takes a while).
    if (const char* d = std::getenv("RAPPORT_BENCH_DIR"); d && *d) {
      dir = d;
      keep = true;
    } else {
      dir = fs::temp_directory_path() / fmt::format("rapport-bench-merge-{}", ::getpid());
    }
    fs::create_directories(dir);
    if (keep && fs::exists(dir / "ready")) {
      for (int k = 0; k < kKiosks; ++k) kiosks.push_back((dir / fmt::format("kiosk-{}.sqlite", k)).string());
      for (const char* f : {"organizer.sqlite", "organizer-again.sqlite"})
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(dir / (std::string(f) + suffix));
      return;
    }
    auto first = (dir / "kiosk-0.sqlite").string();
    {
      auto s = Store::create(first, EventInfo{"Big Day", "2026-11-21", "kiosk-0"},
                             fixed_clock(*parse_iso8601("2026-11-21T07:00:00.000Z")));
      must(s.ok() ? Status{} : Status(s.error()));
      auto parsed = parse_roster(demo_roster_csv({kAttendees, 42}), "big.csv", RosterFormat::native, ImportMapping{});
      must(parsed.ok() ? Status{} : Status(parsed.error()));
      auto r = import_roster(*s, std::move(parsed.value()));
      must(r.ok() ? Status{} : Status(r.error()));
    }
    kiosks.push_back(first);
    for (int k = 1; k < kKiosks; ++k) {
      auto path = (dir / fmt::format("kiosk-{}.sqlite", k)).string();
      fs::copy_file(first, path);
      auto s = Store::open(path);
      must(s.ok() ? Status{} : Status(s.error()));
      // Its own identity, and its own (later) import of the roster.
      must(s->db().write([&]() -> Status {
        auto st = s->db().prepare("UPDATE event SET kiosk_id = ?, created_at = ?");
        if (!st) return st.error();
        RAPPORT_TRY(st->bind_all(fmt::format("kiosk-{}", k), fmt::format("2026-11-21T07:0{}:00.000Z", k)).run());
        auto up = s->db().prepare("UPDATE attendees SET kiosk_id = ?, updated_at = ?");
        if (!up) return up.error();
        return up->bind_all(fmt::format("kiosk-{}", k), fmt::format("2026-11-21T07:0{}:00.000Z", k)).run();
      }));
      kiosks.push_back(path);
    }
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> person(0, kAttendees - 1), minute(0, 599), ms(0, 59'999);
    std::vector<std::vector<std::tuple<std::string, std::string, std::string>>> pairs(kKiosks);
    for (int i = 0; i < kUniquePairs + kSharedPairs; ++i) {
      int a = person(rng), b = person(rng);
      if (a == b) b = (b + 1) % kAttendees;
      // Pair i lands at kiosk i % 4; the shared ones repeat an earlier pair at the next kiosk.
      auto key = std::make_pair(id_of(std::min(a, b)), id_of(std::max(a, b)));
      int kiosk = i % kKiosks;
      if (i >= kUniquePairs) {
        auto& from = pairs[(i - kUniquePairs) % kKiosks][(i - kUniquePairs) / kKiosks];
        key = {std::get<0>(from), std::get<1>(from)};
        kiosk = ((i - kUniquePairs) % kKiosks + 1) % kKiosks;
      }
      pairs[kiosk].emplace_back(key.first, key.second, time_of(minute(rng), ms(rng)));
    }
    for (int k = 0; k < kKiosks; ++k) {
      auto s = Store::open(kiosks[k]);
      must(s.ok() ? Status{} : Status(s.error()));
      std::string me = fmt::format("kiosk-{}", k);
      must(s->db().write([&]() -> Status {
        auto st = s->db().prepare(
            "INSERT INTO connections (a_id, b_id, at, kiosk_id, kiosks, method) VALUES (?, ?, ?, ?, ?, 'scan') "
            "ON CONFLICT DO NOTHING");
        if (!st) return st.error();
        for (const auto& [a, b, at] : pairs[k]) RAPPORT_TRY(st->bind_all(a, b, at, me, me).run());
        auto ci = s->db().prepare(
            "INSERT INTO checkins (attendee_id, at, kiosk_id, method) VALUES (?, ?, ?, 'badge') ON CONFLICT DO NOTHING");
        if (!ci) return ci.error();
        // Each door sees a quarter of the arrivals, and an eighth more who were let in twice.
        for (int i = 0; i < kCheckins; ++i)
          if (i % kKiosks == k || (i % 8 == 0 && (i / 8) % kKiosks == k))
            RAPPORT_TRY(ci->bind_all(id_of(i), time_of(i % 120, i * 7 % 60'000), me).run());
        return {};
      }));
    }
    if (keep) std::ofstream(dir / "ready") << "kiosk files generated\n";
  }
  ~Day() {
    std::error_code ec;
    if (!keep) fs::remove_all(dir, ec);
  }
};

Day& day() {
  static Day d;
  return d;
}

void BM_MergeFourKiosksIntoANewFile(benchmark::State& state) {
  Day& d = day();
  auto org = (d.dir / "organizer.sqlite").string();
  int64_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(org + suffix);
    state.ResumeTiming();
    auto r = merge_files(org, d.kiosks);
    if (!r) {
      state.SkipWithError(r.error().to_string().c_str());
      return;
    }
    rows = r->total();
  }
  state.counters["rows_merged"] = static_cast<double>(rows);
}
BENCHMARK(BM_MergeFourKiosksIntoANewFile)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

void BM_MergeAgainWithNothingNew(benchmark::State& state) {
  Day& d = day();
  auto org = (d.dir / "organizer-again.sqlite").string();
  if (!fs::exists(org) && !merge_files(org, d.kiosks)) {
    state.SkipWithError("first merge failed");
    return;
  }
  int64_t rows = -1;
  for (auto _ : state) {
    auto r = merge_files(org, d.kiosks);
    if (!r) {
      state.SkipWithError(r.error().to_string().c_str());
      return;
    }
    rows = r->total();
  }
  state.counters["rows_merged"] = static_cast<double>(rows);
}
BENCHMARK(BM_MergeAgainWithNothingNew)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
