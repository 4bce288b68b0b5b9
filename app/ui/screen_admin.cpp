// The organizer's view on the kiosk: the day's figures, the check-in curve, connections
// over time, the connection graph, and the controls (mode, sync, search, exit).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/util/clock.hpp"
#include "ui/screens.hpp"

namespace rapport::ui {

namespace {
void figure(Kit& k, ImDrawList* dl, ImVec2 a, float w, const std::string& value, const char* label) {
  const Palette& p = k.pal();
  float em = k.em();
  dl->AddRectFilled(a, ImVec2(a.x + w, a.y + 3.6f * em), p.surface, 0.5f * em);
  k.text(dl, k.fonts().large, ImVec2(a.x + 0.8f * em, a.y + 0.3f * em), p.text, value, TextBox{w - 1.6f * em, 1});
  k.text(dl, k.fonts().small, ImVec2(a.x + 0.8f * em, a.y + 2.3f * em), p.muted, label, TextBox{w - 1.6f * em, 1});
}

void bars(Kit& k, ImDrawList* dl, ImVec2 a, ImVec2 b, const std::vector<TimeBucket>& buckets, ImU32 col,
          const char* title) {
  std::vector<int64_t> counts = bucket_counts(buckets);
  const Palette& p = k.pal();
  float em = k.em();
  dl->AddRectFilled(a, b, p.surface, 0.5f * em);
  k.text(dl, k.fonts().small, ImVec2(a.x + 0.8f * em, a.y + 0.4f * em), p.muted, title);
  ImVec2 pa(a.x + 0.8f * em, a.y + 1.8f * em), pb(b.x - 0.8f * em, b.y - 0.8f * em);
  if (counts.empty()) {
    k.text(dl, k.fonts().small, ImVec2(pa.x, pa.y + 0.5f * em), p.muted, "Nothing yet");
    return;
  }
  int64_t top = std::max<int64_t>(1, *std::max_element(counts.begin(), counts.end()));
  // Bars stay slim early in the day instead of one slab across the whole chart.
  float bw = std::min((pb.x - pa.x) / static_cast<float>(counts.size()), 2.0f * em);
  for (size_t i = 0; i < counts.size(); ++i) {
    float h = (pb.y - pa.y) * static_cast<float>(counts[i]) / static_cast<float>(top);
    dl->AddRectFilled(ImVec2(pa.x + i * bw + 1, pb.y - h), ImVec2(pa.x + (i + 1) * bw - 1, pb.y), col);
  }
  dl->AddLine(ImVec2(pa.x, pb.y), pb, p.muted);
  // The time axis: first and last slot in local time, and the busiest slot's count.
  auto first = parse_iso8601(buckets.front().from), last = parse_iso8601(buckets.back().from);
  if (first && last) {
    std::string from = local_hhmm(*first), to = local_hhmm(*last + std::chrono::minutes(15));
    std::string peak = fmt::format("peak {}", top);
    k.text(dl, k.fonts().small, ImVec2(b.x - 0.8f * em - k.measure(k.fonts().small, peak).x, a.y + 0.4f * em),
           p.muted, peak);
    k.text(dl, k.fonts().small, ImVec2(pa.x, pb.y + 0.05f * em), p.muted, from);
    k.text(dl, k.fonts().small, ImVec2(pb.x - k.measure(k.fonts().small, to).x, pb.y + 0.05f * em), p.muted, to);
  }
}

// The day's six most common interests get a colour each (the legend says which);
// everyone else is grey.
constexpr ImU32 kTopicColours[] = {IM_COL32(0x3F, 0xB6, 0x8B, 0xFF), IM_COL32(0x5B, 0x9B, 0xE6, 0xFF),
                                   IM_COL32(0xE8, 0xA8, 0x38, 0xFF), IM_COL32(0xC7, 0x8B, 0xE8, 0xFF),
                                   IM_COL32(0xE0, 0x5A, 0x4F, 0xFF), IM_COL32(0x9A, 0xD1, 0xD4, 0xFF)};
constexpr ImU32 kOtherTopic = IM_COL32(0x9A, 0xA5, 0xAE, 0xFF);
constexpr size_t kColouredTopics = sizeof kTopicColours / sizeof kTopicColours[0];

ImU32 topic_colour(const EventStats& st, const std::string& tag) {
  for (size_t i = 0; i < st.top_interests.size() && i < kColouredTopics; ++i)
    if (st.top_interests[i].tag == tag) return kTopicColours[i];
  return kOtherTopic;
}

// A few steps of a force-directed layout per frame: springs along edges, repulsion
// between all pairs (n is small: one kiosk's day), a pull to the centre.
void step_layout(GraphLayout& g, const ConnectionGraph& pic, ImVec2 size) {
  size_t n = std::min<size_t>(pic.nodes.size(), 400);
  while (g.pos.size() < n) {
    float a = static_cast<float>(g.pos.size()) * 2.399963f;  // golden angle spiral
    float r = 0.05f + 0.4f * std::sqrt(static_cast<float>(g.pos.size() + 1) / static_cast<float>(n + 1));
    g.pos.emplace_back(0.5f + r * std::cos(a), 0.5f + r * std::sin(a));
    g.vel.emplace_back(0, 0);
  }
  float k = 0.6f / std::sqrt(static_cast<float>(std::max<size_t>(n, 1)));
  for (int it = 0; it < 4; ++it) {
    std::vector<ImVec2> force(n, ImVec2(0, 0));
    for (size_t i = 0; i < n; ++i)
      for (size_t j = i + 1; j < n; ++j) {
        float dx = g.pos[i].x - g.pos[j].x, dy = g.pos[i].y - g.pos[j].y;
        float d2 = std::max(1e-4f, dx * dx + dy * dy);
        float f = k * k / d2 * 0.02f;
        force[i].x += dx * f; force[i].y += dy * f;
        force[j].x -= dx * f; force[j].y -= dy * f;
      }
    for (const auto& e : pic.edges) {
      int a = e.a, b = e.b;
      if (static_cast<size_t>(a) >= n || static_cast<size_t>(b) >= n) continue;
      float dx = g.pos[b].x - g.pos[a].x, dy = g.pos[b].y - g.pos[a].y;
      float d = std::sqrt(dx * dx + dy * dy) + 1e-4f;
      float f = (d - k) * 0.05f;
      force[a].x += dx / d * f; force[a].y += dy / d * f;
      force[b].x -= dx / d * f; force[b].y -= dy / d * f;
    }
    for (size_t i = 0; i < n; ++i) {
      force[i].x += (0.5f - g.pos[i].x) * 0.01f;
      force[i].y += (0.5f - g.pos[i].y) * 0.01f;
      g.vel[i].x = (g.vel[i].x + force[i].x) * 0.6f;
      g.vel[i].y = (g.vel[i].y + force[i].y) * 0.6f;
      g.pos[i].x = std::clamp(g.pos[i].x + g.vel[i].x, 0.03f, 0.97f);
      g.pos[i].y = std::clamp(g.pos[i].y + g.vel[i].y * size.x / std::max(1.0f, size.y), 0.05f, 0.95f);
    }
  }
}

void graph(Kit& k, ImDrawList* dl, GraphLayout& g, const DayPicture& day, ImVec2 a, ImVec2 b) {
  const ConnectionGraph& pic = day.graph;
  const Palette& p = k.pal();
  float em = k.em();
  dl->AddRectFilled(a, b, p.surface, 0.5f * em);
  k.text(dl, k.fonts().small, ImVec2(a.x + 0.8f * em, a.y + 0.4f * em), p.muted,
         "Who met whom today (colour: their first interest)", TextBox{b.x - a.x - 1.6f * em, 1});
  // Legend: the day's most common interests and their colours.
  float lx = a.x + 0.8f * em, ly = b.y - 1.3f * em;
  for (size_t i = 0; i < day.stats.top_interests.size() && i < kColouredTopics; ++i) {
    const auto& t = day.stats.top_interests[i];
    std::string label = fmt::format("{} ({})", t.label, t.people);
    float w = k.measure(k.fonts().small, label).x + 1.4f * em;
    if (lx + w > b.x - 0.8f * em) break;
    dl->AddCircleFilled(ImVec2(lx + 0.3f * em, ly + 0.45f * em), 0.28f * em, kTopicColours[i], 16);
    k.text(dl, k.fonts().small, ImVec2(lx + 0.75f * em, ly), p.text, label);
    lx += w;
  }
  ImVec2 ga(a.x + em, a.y + 1.8f * em), gb(b.x - em, b.y - 1.8f * em);
  ImVec2 size(gb.x - ga.x, gb.y - ga.y);
  if (pic.nodes.empty()) {
    k.text(dl, k.fonts().small, ImVec2(ga.x, ga.y + 0.5f * em), p.muted, "No connections yet");
    return;
  }
  step_layout(g, pic, size);
  auto at = [&](int i) { return ImVec2(ga.x + g.pos[i].x * size.x, ga.y + g.pos[i].y * size.y); };
  size_t n = g.pos.size();
  for (const auto& e : pic.edges)
    if (static_cast<size_t>(e.a) < n && static_cast<size_t>(e.b) < n)
      dl->AddLine(at(e.a), at(e.b), with_alpha(p.text, 0.35f), std::max(1.0f, em / 18));
  bool labels = n <= 40;
  // Labels are shortened to a few em, go left of the dot near the right edge, and are
  // left out where they would cover another (the full names are in staff search).
  std::vector<ImVec4> taken;
  for (size_t i = 0; i < n; ++i) {
    ImVec2 c = at(static_cast<int>(i));
    dl->AddCircleFilled(c, 0.32f * em, topic_colour(day.stats, pic.nodes[i].top_interest), 16);
    // Only people who consented are named; the others are dots.
    if (!labels || pic.nodes[i].label.empty()) continue;
    TextBox box{8 * em, 1};
    ImVec2 ts = k.measure(k.fonts().small, pic.nodes[i].label, box);
    ImVec2 pos(c.x + 0.45f * em, c.y - ts.y / 2);
    if (pos.x + ts.x > b.x - 0.3f * em) pos.x = c.x - 0.45f * em - ts.x;
    pos.x = std::max(pos.x, a.x + 0.3f * em);
    pos.y = std::clamp(pos.y, a.y + 1.6f * em, b.y - 1.4f * em - ts.y);
    ImVec4 r(pos.x, pos.y, pos.x + ts.x, pos.y + ts.y);
    bool free = true;
    for (const auto& t : taken)
      if (r.x < t.z && t.x < r.z && r.y < t.w && t.y < r.w) free = false;
    if (!free) continue;
    taken.push_back(r);
    k.text(dl, k.fonts().small, pos, p.text, pic.nodes[i].label, box);
  }
}
// Where the kiosk's rows go ([sync] target): the last push, or the problem and that it
// is being retried; the kiosk's own file keeps everything either way.
void sync_panel(Kit& k, ImDrawList* dl, const KioskState& s, ImVec2 a, ImVec2 b) {
  const Palette& p = k.pal();
  float em = k.em();
  const Fonts& f = k.fonts();
  auto hhmm = [](const std::string& iso) {
    auto t = parse_iso8601(iso);
    return t ? local_hhmm(*t) : std::string("-");
  };
  bool problem = s.sync && s.sync->configured && !s.sync->ok();
  dl->AddRectFilled(a, b, p.surface, 0.5f * em);
  if (problem) dl->AddRect(a, b, p.bad, 0.5f * em, 0, std::max(2.0f, em / 10));
  float w = b.x - a.x - 1.6f * em;
  ImVec2 l1(a.x + 0.8f * em, a.y + 0.35f * em), l2(a.x + 0.8f * em, a.y + 1.75f * em);
  std::string head, detail;
  ImU32 col = p.text;
  if (!s.sync || !s.sync->configured) {
    head = "Sync: no target set";
    detail = "Set [sync] target in the kiosk config to copy this kiosk's rows to the organizer's file.";
    col = p.muted;
  } else if (s.sync_running) {
    head = "Syncing...";
    detail = s.sync->target;
  } else if (problem) {
    head = fmt::format("Sync problem - retrying ({} tries so far)", s.sync->failures_in_a_row);
    detail = fmt::format("{} Nothing is lost: {} changes wait in this kiosk's file. Last good sync: {}.",
                         s.sync->last_error, s.sync->pending,
                         s.sync->last_success_at.empty() ? "never" : hhmm(s.sync->last_success_at));
    col = p.bad;
  } else if (s.sync->last_attempt_at.empty()) {
    head = "Sync: first push soon";
    detail = s.sync->target;
  } else {
    head = fmt::format("Synced at {} - {} rows ({} today)", hhmm(s.sync->last_success_at), s.sync->rows_last_push,
                       s.sync->rows_pushed_total);
    detail = fmt::format("to {}", s.sync->target);
  }
  k.text(dl, f.body, l1, col, head, TextBox{w, 1});
  k.text(dl, f.small, l2, p.muted, detail, TextBox{w, 2});
}
}  // namespace

void screen_admin(const KioskState& s, Kit& k, GraphLayout& g, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("admin", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  float m = 1.6f * em;
  bool portrait = k.portrait();
  float mode_bw = 7.4f * em, gap = 0.5f * em;
  float modes_w = 3 * mode_bw + 2 * gap;
  // Landscape: the mode switch sits top right beside the title; portrait: its own row.
  float title_w = portrait ? vs.x - 2 * m : vs.x - 3 * m - modes_w;
  k.text(dl, f.large, ImVec2(m, 1.0f * em), p.text, fmt::format("Admin - {}", s.event_name), TextBox{title_w, 1});
  k.text(dl, f.small, ImVec2(m, 3.0f * em), p.muted,
         fmt::format("Mode: {}   Camera: {}{}{}", mode_name(s.mode), s.camera_status.empty() ? "none" : s.camera_status,
                     s.hub_status.empty() ? "" : "   ", s.hub_status),
         TextBox{title_w, 1});

  float top = portrait ? 7.6f * em : 4.4f * em;
  float y = top;
  float sync_h = 5.4f * em;                                // the sync panel under the graph
  float bottom = vs.y - (portrait ? 7.8f : 4.6f) * em;     // above the button rows
  float left_w = portrait ? vs.x - 2 * m : vs.x * 0.46f;
  if (s.picture) {
    const EventStats& st = s.picture->stats;
    float fw = (left_w - 2 * 0.6f * em) / 3;
    figure(k, dl, ImVec2(m, y), fw, fmt::format("{} / {}", st.present_now, st.registered), "checked in / registered");
    figure(k, dl, ImVec2(m + fw + 0.6f * em, y), fw, fmt::format("{}", st.connections),
           st.people_who_met == 1 ? "connections (1 person)"
                                  : fmt::format("connections ({} people)", st.people_who_met).c_str());
    // The organizer's figure: shown suggestions that became a recorded meeting the same day.
    const AcceptanceFigure& all = st.acceptance.overall;
    figure(k, dl, ImVec2(m + 2 * (fw + 0.6f * em), y), fw,
           all.share() ? fmt::format("{:.0f}%", 100.0 * *all.share()) : std::string("-"),
           fmt::format("suggestions met ({} of {})", all.met, all.shown).c_str());
    y += 4.2f * em;
    std::string kinds;
    for (const auto& kf : st.acceptance.kinds) {
      if (kf.shown == 0) continue;
      kinds += fmt::format("{}{} {:.0f}%", kinds.empty() ? "Met the same day: " : "   ", kf.label, 100.0 * *kf.share());
    }
    if (!kinds.empty()) y += k.text(dl, f.small, ImVec2(m, y), p.muted, kinds, TextBox{left_w, 2}).y + 0.4f * em;
    // Portrait: the two charts take a third of what is left, the graph the rest.
    float charts_bottom = portrait ? y + (bottom - sync_h - y) * 0.4f : bottom;
    float ch = (charts_bottom - y - 0.6f * em) / 2;
    bars(k, dl, ImVec2(m, y), ImVec2(m + left_w, y + ch), st.checkins_per_15min, p.accent,
         "Check-ins per 15 minutes");
    y += ch + 0.6f * em;
    bars(k, dl, ImVec2(m, y), ImVec2(m + left_w, y + ch), st.connections_per_15min, p.info,
         "Connections per 15 minutes");
    if (portrait)
      graph(k, dl, g, *s.picture, ImVec2(m, charts_bottom + 0.6f * em), ImVec2(vs.x - m, bottom - sync_h - 0.6f * em));
    else
      graph(k, dl, g, *s.picture, ImVec2(m + left_w + em, top), ImVec2(vs.x - m, bottom - sync_h - 0.6f * em));
  } else {
    k.text(dl, f.body, ImVec2(m, y), p.muted, "Loading the day's figures...");
  }
  float sync_x = portrait ? m : m + left_w + em;
  sync_panel(k, dl, s, ImVec2(sync_x, bottom - sync_h), ImVec2(vs.x - m, bottom));
  if (!s.storage_detail.empty())
    k.text(dl, f.small, ImVec2(m, bottom + 0.1f * em), p.bad, "Last storage problem: " + s.storage_detail,
           TextBox{vs.x - 2 * m, 1});

  float bw = mode_bw;
  float x = portrait ? m : vs.x - m - modes_w, by = portrait ? 4.4f * em : 0.8f * em;
  auto btn = [&](const char* label, Kit::Style st, Intent::Kind kind, std::string arg = {}) {
    if (k.button(label, ImVec2(x, by), ImVec2(bw, 2.6f * em), st, f.body)) out.push_back({kind, std::move(arg)});
    x += bw + gap;
  };
  btn("Door mode", s.mode == KioskMode::door ? Kit::Style::primary : Kit::Style::secondary, Intent::Kind::admin_mode, "door");
  btn("Floor mode", s.mode == KioskMode::floor ? Kit::Style::primary : Kit::Style::secondary, Intent::Kind::admin_mode, "floor");
  btn("Demo mode", s.mode == KioskMode::demo ? Kit::Style::primary : Kit::Style::secondary, Intent::Kind::admin_mode, "demo");
  // The other controls along the bottom; exit apart from them (its own row in portrait,
  // so no finger meant for "Back to kiosk" lands on it).
  bw = portrait ? (vs.x - 2 * m - 2 * gap) / 3 : 9.4f * em;
  x = m;
  by = vs.y - 3.6f * em - (portrait ? 3.2f * em : 0);
  btn("Sync now", Kit::Style::secondary, Intent::Kind::admin_sync);
  btn("Find a name", Kit::Style::secondary, Intent::Kind::open_search);
  btn("Back to kiosk", Kit::Style::secondary, Intent::Kind::home);
  bw = 9.4f * em;
  x = vs.x - m - bw;
  by = vs.y - 3.6f * em;
  btn("Exit kiosk", Kit::Style::danger, Intent::Kind::admin_exit);
  end_screen();
}

}  // namespace rapport::ui
