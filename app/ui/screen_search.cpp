// Staff search: find a person by name with an on-screen keyboard (no physical keyboard at
// a kiosk) and check them in. Only first name, last name and check-in state are shown.
#include <fmt/format.h>

#include "ui/name_search.hpp"
#include "ui/screens.hpp"

namespace rapport::ui {

void screen_search(const KioskState& s, Kit& k, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("search", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  float margin = 2 * em;

  k.text(dl, f.large, ImVec2(margin, 1.2f * em), p.text, "Find a name");
  if (k.button("Back", ImVec2(vs.x - margin - 9 * em, 0.8f * em), k.em2(9, 2.6f), Kit::Style::secondary))
    out.push_back({Intent::Kind::home, {}});

  // The query field.
  ImVec2 qa(margin, 4.2f * em), qb(vs.x - margin, 7.2f * em);
  dl->AddRectFilled(qa, qb, p.surface, 0.5f * em);
  dl->AddRect(qa, qb, p.accent, 0.5f * em, 0, std::max(2.0f, em / 12));
  if (s.search_query.empty()) {
    k.text(dl, f.large, ImVec2(qa.x + em, qa.y + 0.6f * em), p.muted, "Type a first or last name");
  } else {
    ImVec2 ts = k.text(dl, f.large, ImVec2(qa.x + em, qa.y + 0.6f * em), p.text, s.search_query);
    dl->AddRectFilled(ImVec2(qa.x + em + ts.x + 3, qa.y + 0.6f * em), ImVec2(qa.x + em + ts.x + 6, qa.y + 0.6f * em + ts.y),
                      p.accent);
  }

  // Results: a scrolling list that follows the finger.
  float kb_h = keyboard_height(k);
  float list_top = 8.0f * em, list_bottom = vs.y - kb_h - 1.6f * em;
  auto hits = find_people(s.roster, s.search_query, 40);
  ImGui::SetCursorScreenPos(ImVec2(margin, list_top));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  ImGui::BeginChild("results", ImVec2(vs.x - 2 * margin, list_bottom - list_top), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  drag_to_scroll();
  ImDrawList* cdl = ImGui::GetWindowDrawList();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float row_h = 2.8f * em, row_gap = 0.4f * em, w = vs.x - 2 * margin;
  if (!s.search_query.empty() && hits.empty())
    k.text(cdl, f.body, origin, p.muted, "Nobody by that name - check the spelling, or try the last name.");
  for (size_t i = 0; i < hits.size(); ++i) {
    const PublicPerson& person = s.roster[hits[i]];
    ImVec2 a(origin.x, origin.y + i * (row_h + row_gap));
    std::string name = person.last_name.empty() ? person.first_name : person.first_name + " " + person.last_name;
    std::string id = fmt::format("{}##row{}", name, person.id);
    if (k.button(id.c_str(), a, ImVec2(w * 0.72f, row_h), Kit::Style::secondary, f.body))
      out.push_back({Intent::Kind::checkin_id, person.id});
    // Say what a tap on the name does, not only the state.
    k.text(cdl, f.body, ImVec2(a.x + w * 0.72f + em, a.y + 0.2f * em), person.present ? p.good : p.muted,
           person.present ? "Checked in already" : "Not yet here - tap the name to check in",
           w * 0.28f - 1.5f * em);
  }
  ImGui::Dummy(ImVec2(w, hits.size() * (row_h + row_gap)));
  ImGui::EndChild();
  ImGui::PopStyleColor();

  on_screen_keyboard(k, ImVec2(margin, vs.y - kb_h - 0.8f * em), vs.x - 2 * margin, out);
  end_screen();
}

}  // namespace rapport::ui
