// Door throughput: scans per minute through the kiosk's desk with printing on, as a lane
// works at a real door: a badge is scanned, the desk checks the person in (COMMIT), the
// reply carries the badge, and the printer thread renders the label PDF and hands it to
// CUPS. Target: 20 scans a minute per lane (one every 3 s; the printer is the limit).
//
// CUPS is real: tests/print/cups.sh starts a throwaway cupsd on loopback whose queue is
// stopped (jobs wait in its spool), so this measures Rapport's side of printing (render +
// IPP submit), not the speed of a label printer. Reported counters:
//   scans_per_minute   desk reply + badge rendered and accepted by CUPS, in series
//   desk_only_per_min  the check-in alone (what the screen waits for)
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <fstream>
#include <thread>

#include "core/badge/badge_code.hpp"
#include "core/kiosk/front_desk.hpp"
#include "core/roster/demo_event.hpp"
#include "core/roster/import.hpp"
#include "print/badge_job.hpp"

using namespace rapport;
namespace fs = std::filesystem;

namespace {
constexpr int kAttendees = 5'000;

struct Door {
  fs::path dir;
  std::unique_ptr<FrontDesk> desk;
  std::vector<std::string> codes;
  size_t next = 0;
  std::string cups_server;

  Door() {
    dir = fs::temp_directory_path() / fmt::format("rapport-bench-door-{}", getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string cups = (dir / "cups").string();
    if (std::system(fmt::format("{} fresh {} >/dev/null", RAPPORT_CUPS_SH, cups).c_str()) == 0) {
      std::ifstream f(cups + "/server");
      std::getline(f, cups_server);
      setenv("CUPS_SERVER", cups_server.c_str(), 1);
    }
    auto path = (dir / "door.sqlite").string();
    {
      auto s = Store::create(path, EventInfo{"Bench Day", "", "door-1"});
      auto parsed = parse_roster(demo_roster_csv({kAttendees, 42}), "r.csv", RosterFormat::native, ImportMapping{});
      (void)import_roster(*s, std::move(parsed.value()));
      (void)ensure_badge_codes(*s);
      s->db().each_row("SELECT code FROM attendee_codes WHERE kind = 'badge' ORDER BY code",
                       [&](const Stmt& st) { codes.push_back(st.text(0)); });
    }
    FrontDesk::Options o;
    o.config.print.queue = "door";
    o.config.print.on_checkin = true;
    auto store = Store::open(path);
    if (!store) throw std::runtime_error(store.error().to_string());
    auto opened = FrontDesk::open(std::move(*store), std::move(o));
    if (!opened) throw std::runtime_error(opened.error().to_string());
    desk = std::move(*opened);
  }
  ~Door() {
    desk.reset();
    (void)std::system(fmt::format("{} destroy {} >/dev/null", RAPPORT_CUPS_SH, (dir / "cups").string()).c_str());
    fs::remove_all(dir);
  }
  DoorReply scan() {
    desk->submit(ScanRequest{codes[next++ % codes.size()], std::chrono::system_clock::now(), false});
    for (;;) {
      if (auto r = desk->poll()) return std::get<DoorReply>(std::move(*r));
      std::this_thread::yield();
    }
  }
};

Door& door() {
  static Door d;
  return d;
}

void BM_DoorScanWithPrinting(benchmark::State& state) {
  Door& d = door();
  if (d.cups_server.empty()) {
    state.SkipWithError("cupsd could not be started (apt-get install cups-daemon cups-client)");
    return;
  }
  for (auto _ : state) {
    DoorReply r = d.scan();
    if (!r.print) {
      state.SkipWithError("the reply carried no badge to print (already checked in?)");
      return;
    }
    const BadgeToPrint& b = *r.print;
    auto job = print::print_badge(BadgeContent{b.event_name, b.first_name, b.full_name, b.interests, b.code},
                                  {"door", LabelPreset::brother_62x100mm});
    if (!job) {
      state.SkipWithError(job.error().message.c_str());
      return;
    }
  }
  state.counters["scans_per_minute"] = benchmark::Counter(60.0 * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DoorScanWithPrinting)->Unit(benchmark::kMillisecond)->Iterations(60)->UseRealTime();

void BM_DoorScanDeskOnly(benchmark::State& state) {
  Door& d = door();
  for (auto _ : state) benchmark::DoNotOptimize(d.scan());
  state.counters["desk_only_per_min"] = benchmark::Counter(60.0 * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DoorScanDeskOnly)->Unit(benchmark::kMillisecond)->Iterations(200)->UseRealTime();
}  // namespace

BENCHMARK_MAIN();
