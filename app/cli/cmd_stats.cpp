#include <fmt/format.h>

#include <cmath>
#include <iostream>

#include "cli/command.hpp"
#include "core/sync/stats.hpp"
#include "core/config/kiosk_config.hpp"
#include "hub/hub_probe.hpp"

namespace rapport::cli {

namespace {
nlohmann::json buckets_json(const std::vector<TimeBucket>& b) {
  auto out = nlohmann::json::array();
  for (const auto& x : b) out.push_back({{"from", x.from}, {"count", x.count}});
  return out;
}

nlohmann::json figure_json(const AcceptanceFigure& f) {
  nlohmann::json share = nullptr;
  if (auto x = f.share()) share = std::round(*x * 1000.0) / 1000.0;
  return {{"shown", f.shown}, {"met", f.met}, {"share", share}};
}

nlohmann::json acceptance_json(const Acceptance& a) {
  nlohmann::json j = figure_json(a.overall);
  nlohmann::json kinds = nlohmann::json::object();
  for (const auto& k : a.kinds) kinds[k.kind] = figure_json(k);
  j["by_kind"] = kinds;
  return j;
}

std::string share_text(const AcceptanceFigure& f) {
  auto x = f.share();
  return x ? fmt::format("{:.0f}% ({} of {})", 100.0 * *x, f.met, f.shown) : std::string("none shown yet");
}

nlohmann::json stats_json(const EventStats& s) {
  auto interests = nlohmann::json::array();
  for (const auto& t : s.top_interests) interests.push_back({{"tag", t.tag}, {"label", t.label}, {"people", t.people}});
  auto kiosks = nlohmann::json::array();
  for (const auto& k : s.kiosks)
    kiosks.push_back({{"kiosk", k.kiosk_id},
                      {"checkins", k.checkins},
                      {"connections", k.connections},
                      {"suggestions_shown", k.suggestions_shown},
                      {"last_seen", k.last_seen}});
  return {{"event", s.event_name},
          {"role", s.role},
          {"registered", s.registered},
          {"present_now", s.present_now},
          {"checked_in", s.checked_in},
          {"connections", s.connections},
          {"people_who_met", s.people_who_met},
          {"suggestions_shown", s.suggestions_shown},
          {"suggested_pairs", s.suggested_pairs},
          {"suggestions_acted_on", s.suggestions_acted_on},
          {"acceptance", acceptance_json(s.acceptance)},
          {"forgotten", s.forgotten},
          {"checkins_per_15min", buckets_json(s.checkins_per_15min)},
          {"connections_per_15min", buckets_json(s.connections_per_15min)},
          {"top_interests_among", s.top_interests_among},
          {"top_interests", interests},
          {"kiosks", kiosks}};
}

void print_text(const EventStats& s) {
  std::cout << fmt::format("{} ({} file)\n", s.event_name, s.role);
  std::cout << fmt::format("  registered            {}\n", s.registered);
  std::cout << fmt::format("  present now           {}\n", s.present_now);
  std::cout << fmt::format("  checked in            {}\n", s.checked_in);
  std::cout << fmt::format("  connections           {} ({} people met someone)\n", s.connections, s.people_who_met);
  std::cout << fmt::format("  suggestions shown     {} ({} pairs)\n", s.suggestions_shown, s.suggested_pairs);
  std::cout << fmt::format("  suggestions acted on  {}{}\n", s.suggestions_acted_on,
                           s.suggested_pairs ? fmt::format(" ({:.0f}% of pairs met)",
                                                           100.0 * s.suggestions_acted_on / s.suggested_pairs)
                                             : "");
  std::cout << fmt::format("  became a meeting the same day: {}\n", share_text(s.acceptance.overall));
  for (const auto& k : s.acceptance.kinds)
    std::cout << fmt::format("    {:<20} {}\n", k.label, share_text(k));
  if (s.forgotten) std::cout << fmt::format("  forgotten             {}\n", s.forgotten);
  if (!s.checkins_per_15min.empty()) {
    std::cout << "  check-ins per 15 minutes (UTC):\n";
    int64_t peak = 1;
    for (const auto& b : s.checkins_per_15min) peak = std::max(peak, b.count);
    for (const auto& b : s.checkins_per_15min)
      std::cout << fmt::format("    {}  {:>5}  {}\n", b.from.substr(11, 5), b.count,
                               std::string(static_cast<size_t>(40 * b.count / peak), '#'));
  }
  if (!s.top_interests.empty()) {
    std::cout << fmt::format("  top interests (among {}):\n", s.top_interests_among == "checked_in" ? "people checked in" : "everyone registered");
    for (const auto& t : s.top_interests) std::cout << fmt::format("    {:>5}  {}\n", t.people, t.label);
  }
  if (!s.kiosks.empty()) {
    std::cout << "  kiosks seen:\n";
    for (const auto& k : s.kiosks)
      std::cout << fmt::format("    {}: {} check-ins, {} connections, {} suggestions shown, last {}\n", k.kiosk_id,
                               k.checkins, k.connections, k.suggestions_shown, k.last_seen);
  }
  std::cout.flush();
}
nlohmann::json hub_json(const hub::HubProbe& p) {
  auto kiosks = nlohmann::json::array();
  for (const auto& k : p.kiosks)
    kiosks.push_back({{"kiosk", k.kiosk_id}, {"last_push_at", k.last_push_at}, {"pushes", k.pushes},
                      {"rows_pushed", k.rows_pushed}});
  nlohmann::json j = {{"url", p.hub},
                      {"connected", p.connected},
                      {"hub_id", p.hub_id},
                      {"last_push_at", p.last_push_at},
                      {"last_pull_at", p.last_pull_at},
                      {"pending", p.pending}};
  if (!p.error.empty()) j["error"] = p.error;
  if (p.connected) {
    j["event"] = p.event;
    j["hub_checkins"] = p.checkins;
    j["hub_connections"] = p.connections;
    j["kiosks"] = kiosks;
  }
  return j;
}

void print_hub(const hub::HubProbe& p) {
  auto when = [](const std::string& t) { return t.empty() ? std::string("never") : t; };
  if (p.hub.empty())
    std::cout << fmt::format("  hub                   last push {}, last pull {}, {} pending (pass --hub URL to "
                             "check the connection)\n",
                             when(p.last_push_at), when(p.last_pull_at), p.pending);
  else if (p.connected)
    std::cout << fmt::format("  hub                   connected to {}: last push {}, last pull {}, {} pending\n"
                             "                        the hub holds {} check-ins and {} connections from {} kiosks\n",
                             p.hub, when(p.last_push_at), when(p.last_pull_at), p.pending, p.checkins,
                             p.connections, p.kiosks.size());
  else
    std::cout << fmt::format("  hub                   offline, {} pending (last push {}): {}\n", p.pending,
                             when(p.last_push_at), p.error);
  std::cout.flush();
}
}  // namespace

void add_stats(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, hub;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("stats", "The event's numbers: arrivals, connections, suggestions acted on");
  app->add_option("--db", o->db, "The event database (a kiosk's file or the organizer file)")->required();
  app->add_option("--hub", o->hub, "Also check this hub (postgresql://...): connected, last sync, rows pending");
  app->add_flag("--json", o->json, "Print the numbers as one JSON object");
  out.push_back({app, [o]() -> int {
                   if (!o->hub.empty())
                     if (auto u = check_hub_url(o->hub); !u) return bad_input(make_error("--hub " + u.error().message));
                   auto store = open_store(o->db, true);
                   if (!store) return bad_input(store.error());
                   auto s = compute_stats(store->db());
                   if (!s) return failed(s.error());
                   // The hub's part: when --hub is given, or when this file has synced with one.
                   std::optional<hub::HubProbe> probe;
                   auto p = hub::probe_hub(store->db(), o->hub);
                   if (!p) return failed(p.error());
                   if (!o->hub.empty() || p->synced_before) probe = std::move(*p);
                   if (o->json) {
                     auto j = stats_json(*s);
                     if (probe) j["hub"] = hub_json(*probe);
                     print_json_line(j);
                   } else {
                     print_text(*s);
                     if (probe) print_hub(*probe);
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
