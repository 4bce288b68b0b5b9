// The staff screen: opened by the PIN or a staff card, it stays open for the staff session
// (a few minutes) and closes itself. Staff hints live here, never on the attendee's screen:
// the last outcome's note, badges scanned while staff work, the printer's state, and the
// tools (walk-in, find a name, undo, reprint, let a refused ticket in with a reason).
#include <fmt/format.h>

#include "ui/screens.hpp"

namespace rapport::ui {

namespace {
const char* kReasons[] = {"Paid at the door", "Organizer approved", "Ticket transferred"};
}

void screen_staff(const KioskState& s, Kit& k, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("staff", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  float margin = 2 * em;
  float w = vs.x - 2 * margin;

  // A portrait totem is about 17 em wide: the two top buttons go under the title there.
  bool narrow = w < 24 * em;
  k.text(dl, f.large, ImVec2(margin, 1.2f * em), p.text, "Staff");
  float top = narrow ? 3.6f * em : 0.8f * em;
  float bw = narrow ? (w - em) / 2 : 9 * em;
  if (k.button("Back", ImVec2(vs.x - margin - bw, top), ImVec2(bw, 2.6f * em), Kit::Style::secondary))
    out.push_back({Intent::Kind::home, {}});
  if (k.button("Close session", ImVec2(narrow ? margin : vs.x - margin - 19.5f * em, top),
               ImVec2(narrow ? bw : 10 * em, 2.6f * em), Kit::Style::quiet, f.body))
    out.push_back({Intent::Kind::staff_close, {}});

  float y = narrow ? 7.0f * em : 4.2f * em;
  auto left = std::chrono::duration_cast<std::chrono::seconds>(s.staff.until - s.now).count();
  if (left < 0) left = 0;
  k.text(dl, f.small, ImVec2(margin, y), p.muted,
         fmt::format("Staff session closes by itself in {}:{:02}", left / 60, left % 60));
  y += 1.4f * em;
  if (s.printing) {
    bool offline = !s.staff.printer.empty();
    y += k.text(dl, f.body, ImVec2(margin, y), offline ? p.bad : p.good,
                offline ? s.staff.printer : std::string("Printer ready"), w).y;
    y += 0.4f * em;
  }
  if (!s.staff.notice.empty()) {
    y += k.text(dl, f.body, ImVec2(margin, y), p.info, s.staff.notice, w).y;
    y += 0.4f * em;
  }
  if (!s.staff.hint.empty()) {
    y += k.text(dl, f.body, ImVec2(margin, y), p.warn, "Last scan: " + s.staff.hint, w).y;
    y += 0.4f * em;
  }
  y += 0.6f * em;

  // The tools: two columns on a wide screen, one on a portrait totem.
  bool wide = vs.x > vs.y;
  float col_w = wide ? (w - em) / 2 : w;
  float bh = 2.8f * em, gap = 0.6f * em;
  int slot = 0;
  auto place = [&]() {
    ImVec2 pos(margin + (wide ? (slot % 2) * (col_w + em) : 0), y + (wide ? slot / 2 : slot) * (bh + gap));
    ++slot;
    return pos;
  };
  if (k.button("Walk-in", place(), ImVec2(col_w, bh))) out.push_back({Intent::Kind::open_walkin, {}});
  if (k.button("Find a name", place(), ImVec2(col_w, bh), Kit::Style::secondary))
    out.push_back({Intent::Kind::open_search, {}});
  if (!s.staff.last_in_id.empty()) {
    std::string undo = fmt::format("Undo check-in: {}##undo", s.staff.last_in_name);
    if (k.button(undo.c_str(), place(), ImVec2(col_w, bh), Kit::Style::secondary, f.body))
      out.push_back({Intent::Kind::undo_last, {}});
    if (s.printing) {
      std::string again = fmt::format("Reprint badge: {}##reprint", s.staff.last_in_name);
      if (k.button(again.c_str(), place(), ImVec2(col_w, bh), Kit::Style::secondary, f.body))
        out.push_back({Intent::Kind::reprint, s.staff.last_in_id});
    }
  }
  y += ((wide ? (slot + 1) / 2 : slot)) * (bh + gap) + 0.6f * em;

  if (!s.staff.refused_id.empty()) {
    y += k.text(dl, f.body, ImVec2(margin, y), p.text, fmt::format("Let {} in anyway? Pick the reason:", s.staff.refused_name), w).y;
    y += 0.5f * em;
    float rw = wide ? (w - 2 * em) / 3 : w;
    for (int i = 0; i < 3; ++i) {
      ImVec2 pos(margin + (wide ? i * (rw + em) : 0), y + (wide ? 0 : i * (bh + gap)));
      std::string label = fmt::format("{}##why{}", kReasons[i], i);
      if (k.button(label.c_str(), pos, ImVec2(rw, bh), Kit::Style::danger, f.body))
        out.push_back({Intent::Kind::override_in, kReasons[i]});
    }
  }
  end_screen();
}

void staff_toast(const KioskState& s, Kit& k) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  std::string line = s.staff.notice;
  ImVec2 ts = k.measure(f.body, line, vs.x * 0.8f);
  ImVec2 a((vs.x - ts.x) / 2 - em, 0.2f * em), b((vs.x + ts.x) / 2 + em, 0.2f * em + ts.y + 1.2f * em);
  dl->AddRectFilled(a, b, p.surface_high, 0.5f * em);
  dl->AddRect(a, b, p.info, 0.5f * em, 0, std::max(2.0f, em / 12));
  k.text(dl, f.body, ImVec2(a.x + em, a.y + 0.6f * em), p.text, line, vs.x * 0.8f);
}

}  // namespace rapport::ui
