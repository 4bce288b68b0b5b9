#include <fmt/format.h>
#include <signal.h>

#include <cstdlib>
#include <iostream>

#include "cli/command.hpp"
#include "core/config/kiosk_config.hpp"
#include "hub/hub_sync.hpp"
#include "hub/hub_thread.hpp"

namespace rapport::cli {

namespace {
constexpr const char* kFooter = R"(
One push/pull cycle with the hub, the same one the kiosk's sync thread runs: this file's
new rows go to the hub (idempotent upserts, one transaction), other kiosks' rows since the
last pull come back (earliest check-in and sighting win, as in 'rapport merge').
With --every SECONDS it keeps syncing until stopped (SIGINT/SIGTERM), one line per cycle:
a headless kiosk's sync thread.
JSON: {"hub","hub_id","pushed","hub_changed","full_push","pulled","applied","skipped","rejected",
"checkins_pulled","connections_pulled","pending","pushed_seq","pulled_seq","at"}; with
--every, {"connected","pending","last_sync_at","error"} per cycle.
Exit status: 0 synced; 1 the hub could not be reached or refused (nothing is lost: the
rows stay in the file and go with the next sync); 2 bad usage.)";

nlohmann::json report_json(const std::string& url, const hub::SyncReport& r) {
  return {{"hub", url},
          {"hub_id", r.hub_id},
          {"pushed", r.pushed},
          {"hub_changed", r.hub_changed},
          {"full_push", r.full_push},
          {"pulled", r.pulled},
          {"applied", r.applied.rows},
          {"skipped", r.applied.skipped},
          {"rejected", r.rejected},
          {"checkins_pulled", r.applied.checkins.size()},
          {"connections_pulled", r.applied.connections.size()},
          {"pending", r.pending},
          {"pushed_seq", r.pushed_seq},
          {"pulled_seq", r.pulled_seq},
          {"at", r.at}};
}

// --every: the kiosk's sync thread without the kiosk, until SIGINT or SIGTERM.
int run_every(const std::string& db, const std::string& url, const std::string& kiosk, double seconds, bool json,
              const hub::SyncOptions& sync) {
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);  // the sync thread inherits the mask
  hub::HubSyncThread::Options opt;
  opt.url = url;
  opt.db_path = db;
  opt.kiosk_id = kiosk;
  opt.interval = std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
  opt.sync = sync;
  std::mutex mu;
  const hub::HubSyncThread* self = nullptr;
  opt.on_cycle = [&] {
    std::lock_guard lock(mu);
    if (!self) return;
    auto s = self->status();
    if (json)
      print_json_line({{"connected", s.connected},
                       {"pending", s.pending},
                       {"last_sync_at", s.last_sync_at},
                       {"error", s.last_error}});
    else
      std::cout << s.line() << std::endl;
  };
  auto t = hub::HubSyncThread::start(opt);
  if (!t) return bad_input(t.error());
  {
    std::lock_guard lock(mu);
    self = t->get();
  }
  int sig = 0;
  sigwait(&stop, &sig);
  {
    std::lock_guard lock(mu);
    self = nullptr;
  }
  t->reset();
  return kOk;
}
}  // namespace

void add_sync(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, url, kiosk;
    double every = 0;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("sync", "Push this kiosk's new rows to the hub and pull the other kiosks' rows");
  app->footer(kFooter);
  app->add_option("--db", o->db, "The kiosk's event database")->required();
  app->add_option("--hub", o->url, "postgresql://user:password@host:port/dbname")->required();
  app->add_option("--kiosk", o->kiosk, "The kiosk id to push as (default: the database's)");
  app->add_option("--every", o->every, "Keep syncing every SECONDS until stopped")->check(CLI::Range(0.05, 3600.0));
  app->add_flag("--json", o->json, "Print the result as one JSON object");
  out.push_back({app, [o]() -> int {
                   if (auto u = check_hub_url(o->url); !u) return bad_input(make_error("--hub " + u.error().message));
                   hub::SyncOptions sync;
                   if (const char* s = std::getenv("RAPPORT_HUB_STALL")) sync.stall = s;
                   auto store = open_store(o->db);
                   if (!store) return bad_input(store.error());
                   if (store->event().role != "kiosk")
                     return bad_input(make_error("this is an organizer file; sync kiosks' files with the hub and "
                                                 "build the organizer file with 'rapport export --hub URL "
                                                 "--organizer FILE'",
                                                 o->db));
                   if (o->every > 0) {
                     *store = Store();
                     return run_every(o->db, o->url, o->kiosk, o->every, o->json, sync);
                   }
                   if (!o->kiosk.empty()) store->set_kiosk_id(o->kiosk);
                   auto r = hub::sync_with_hub(*store, o->url, sync);
                   if (!r) return failed(r.error());
                   std::string url = hub::redact_url(o->url);
                   if (o->json) {
                     print_json_line(report_json(url, *r));
                   } else {
                     std::cout << fmt::format(
                         "Synced with {}: pushed {} rows ({} new to the hub{}), pulled {} ({} changed this file, "
                         "{} check-ins and {} connections from other kiosks), {} pending\n",
                         url, r->pushed, r->hub_changed, r->full_push ? ", whole file" : "", r->pulled,
                         r->applied.rows, r->applied.checkins.size(), r->applied.connections.size(), r->pending);
                     if (r->rejected) {
                       std::cout << fmt::format("  {} rows from the hub were refused (not valid rows; not applied):\n",
                                                r->rejected);
                       for (const auto& x : r->rejected_rows)
                         std::cout << fmt::format("    {} {}: {}\n", x.table, x.key, x.reason);
                     }
                     if (r->applied.skipped)
                       std::cout << fmt::format("  {} rows name people this file does not know; import the same "
                                                "roster at every kiosk\n",
                                                r->applied.skipped);
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
