// Roster import speed: parsing and writing a synthetic native roster of N rows into a
// fresh event database (the target: 100,000 rows in under 10 s).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

#include "core/roster/demo_event.hpp"
#include "core/roster/import.hpp"
#include "core/store/store.hpp"

using namespace rapport;

namespace {
std::filesystem::path scratch() {
  auto dir = std::filesystem::temp_directory_path() / "rapport-bench-import";
  std::filesystem::create_directories(dir);
  return dir;
}

void BM_ImportRoster(benchmark::State& state) {
  const auto rows = static_cast<size_t>(state.range(0));
  const std::string csv = demo_roster_csv({rows, 42});
  const auto roster = (scratch() / "roster.csv").string();
  std::ofstream(roster, std::ios::binary) << csv;
  for (auto _ : state) {
    state.PauseTiming();
    const auto db = (scratch() / "event.sqlite").string();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
    auto store = Store::create(db, EventInfo{"Bench", "", "bench"});
    if (!store) {
      state.SkipWithError(store.error().to_string().c_str());
      return;
    }
    state.ResumeTiming();
    auto sum = import_roster_file(*store, roster, RosterFormat::automatic, ImportMapping{});
    if (!sum || sum->imported != rows) {
      state.SkipWithError(sum ? "not every row was imported" : sum.error().to_string().c_str());
      return;
    }
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows) * state.iterations(),
                                                benchmark::Counter::kIsRate);
}

void BM_ReimportUnchanged(benchmark::State& state) {
  const auto rows = static_cast<size_t>(state.range(0));
  const auto roster = (scratch() / "roster-re.csv").string();
  std::ofstream(roster, std::ios::binary) << demo_roster_csv({rows, 43});
  const auto db = (scratch() / "event-re.sqlite").string();
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
  auto store = Store::create(db, EventInfo{"Bench", "", "bench"});
  if (!store || !import_roster_file(*store, roster, RosterFormat::automatic, ImportMapping{})) {
    state.SkipWithError("setup failed");
    return;
  }
  for (auto _ : state) {
    auto sum = import_roster_file(*store, roster, RosterFormat::automatic, ImportMapping{});
    if (!sum || sum->unchanged != rows) {
      state.SkipWithError("re-import changed rows");
      return;
    }
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows) * state.iterations(),
                                                benchmark::Counter::kIsRate);
}
}  // namespace

BENCHMARK(BM_ImportRoster)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_ReimportUnchanged)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_MAIN();
