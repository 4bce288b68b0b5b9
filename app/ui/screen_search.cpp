// Staff search: find a person by name, email or ticket code with an on-screen keyboard
// (no physical keyboard at a kiosk) and check them in. Names in any script are found by
// their Latin spelling too (name_search.hpp). Only names and check-in state are shown.
#include <fmt/format.h>

#include <algorithm>

#include "ui/name_search.hpp"
#include "ui/screens.hpp"

namespace rapport::ui {

namespace {
// Letters, digits and what emails and ticket codes need; names in other scripts are
// typed in Latin ("wang" finds 王芳).
constexpr const char* kRows[] = {"1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM@._"};
constexpr int kKeyRows = 5;  // the four above and Clear / Space / Delete
constexpr float kKeyH = 2.7f, kKeyGap = 0.35f;

float keyboard_height(float em) { return kKeyRows * kKeyH * em + (kKeyRows - 1) * kKeyGap * em; }

void keyboard(Kit& k, ImVec2 origin, float width, std::vector<Intent>& out) {
  float em = k.em();
  float gap = kKeyGap * em;
  float key = (width - 9 * gap) / 10;
  float kh = kKeyH * em;
  for (int r = 0; r < 4; ++r) {
    std::string_view row = kRows[r];
    float rw = row.size() * key + (row.size() - 1) * gap;
    float x = origin.x + (width - rw) / 2;
    float y = origin.y + r * (kh + gap);
    for (size_t i = 0; i < row.size(); ++i) {
      char c = row[i];
      std::string label = fmt::format("{}##key", c);
      if (k.button(label.c_str(), ImVec2(x + i * (key + gap), y), ImVec2(key, kh), Kit::Style::secondary))
        out.push_back({Intent::Kind::search_type,
                       std::string(1, c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c)});
    }
  }
  float y = origin.y + 4 * (kh + gap);
  float wide = 3 * key + 2 * gap;
  if (k.button("Clear##key", ImVec2(origin.x, y), ImVec2(wide, kh), Kit::Style::quiet))
    out.push_back({Intent::Kind::search_clear, {}});
  if (k.button("Space##key", ImVec2(origin.x + wide + gap, y), ImVec2(width - 2 * (wide + gap), kh), Kit::Style::secondary))
    out.push_back({Intent::Kind::search_type, " "});
  if (k.button("Delete##key", ImVec2(origin.x + width - wide, y), ImVec2(wide, kh), Kit::Style::secondary))
    out.push_back({Intent::Kind::search_backspace, {}});
}
}  // namespace

void screen_search(const KioskState& s, Kit& k, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("search", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  float margin = std::min(2 * em, vs.x * 0.04f);
  float w = vs.x - 2 * margin;

  k.text(dl, f.large, ImVec2(margin, 1.2f * em), p.text, "Find a name", TextBox{w - 10 * em, 1});
  if (k.button("Back", ImVec2(vs.x - margin - 9 * em, 0.8f * em), k.em2(9, 2.6f), Kit::Style::secondary))
    out.push_back({Intent::Kind::home, {}});

  // The query field: the end of a long query stays in view (the field shows its tail).
  ImVec2 qa(margin, 4.2f * em), qb(vs.x - margin, 7.2f * em);
  dl->AddRectFilled(qa, qb, p.surface, 0.5f * em);
  dl->AddRect(qa, qb, p.accent, 0.5f * em, 0, std::max(2.0f, em / 12));
  float field = qb.x - qa.x - 2 * em;
  if (s.search_query.empty()) {
    k.text(dl, f.large, ImVec2(qa.x + em, qa.y + 0.6f * em), p.muted, "Type a first or last name, an email or a ticket code",
           TextBox{field, 1});
  } else {
    ImVec2 ts = k.measure(f.large, s.search_query);
    float x = qa.x + em + std::min(0.0f, field - ts.x);
    dl->PushClipRect(ImVec2(qa.x + 0.5f * em, qa.y), ImVec2(qb.x - 0.5f * em, qb.y), true);
    k.text(dl, f.large, ImVec2(x, qa.y + 0.6f * em), p.text, s.search_query);
    dl->PopClipRect();
    float cx = std::min(x + ts.x, qb.x - em);
    dl->AddRectFilled(ImVec2(cx + 3, qa.y + 0.6f * em), ImVec2(cx + 6, qa.y + 0.6f * em + ts.y), p.accent);
  }

  // How many matched, then the results: a list that follows the finger.
  NameIndex::Found found;
  if (s.search_index) found = s.search_index->find(s.search_query, 200);
  float kb_h = keyboard_height(em);
  float kb_top = vs.y - kb_h - 0.8f * em;
  float count_y = 7.7f * em;
  if (!s.search_query.empty()) {
    std::string count = found.total == 0 ? "Nobody by that name - check the spelling, or try the last name."
                        : found.total == 1 ? std::string("1 person matches")
                        : found.total > found.hits.size()
                            ? fmt::format("{} people match - the first {} are shown, type more to narrow", found.total,
                                          found.hits.size())
                            : fmt::format("{} people match - drag the list to see them all", found.total);
    if (found.total > 1 && found.total <= 3) count = fmt::format("{} people match", found.total);
    k.text(dl, f.body, ImVec2(margin, count_y), found.total ? p.text : p.muted, count, TextBox{w, 1});
  }
  float list_top = count_y + 1.8f * em, list_bottom = kb_top - 0.8f * em;
  ImGui::SetCursorScreenPos(ImVec2(margin, list_top));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  ImGui::BeginChild("results", ImVec2(w, std::max(em, list_bottom - list_top)), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  drag_to_scroll();
  ImDrawList* cdl = ImGui::GetWindowDrawList();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  // Portrait: the state goes under the name; landscape: beside it. A long name takes two
  // lines in its row, so the full name can be read before checking someone in.
  bool narrow = w < 36 * em;
  float name_w = narrow ? w : w * 0.66f;
  float status_w = narrow ? w : w - name_w - em;
  float y = origin.y;
  for (size_t i = 0; i < found.hits.size(); ++i) {
    const PublicPerson& person = s.roster[found.hits[i]];
    std::string name = person.last_name.empty() ? person.first_name : person.first_name + " " + person.last_name;
    TextBox two{name_w - 0.8f * em, 2, true};
    float row_h = std::max(2.8f * em, k.measure(f.body, name, two).y + 0.8f * em);
    std::string id = fmt::format("{}##row{}", name, person.id);
    if (k.button(id.c_str(), ImVec2(origin.x, y), ImVec2(name_w, row_h), Kit::Style::secondary, f.body, 2))
      out.push_back({Intent::Kind::checkin_id, person.id});
    // Say what a tap on the name does, not only the state.
    const char* state = person.present ? "Checked in already" : "Not yet here - tap the name to check in";
    if (narrow) {
      y += row_h + 0.2f * em;
      y += k.text(cdl, f.small, ImVec2(origin.x + 0.4f * em, y), person.present ? p.good : p.muted, state,
                  TextBox{status_w - 0.4f * em, 2})
               .y;
      y += 0.6f * em;
    } else {
      float th = k.measure(f.body, state, TextBox{status_w, 2}).y;
      k.text(cdl, f.body, ImVec2(origin.x + name_w + em, y + std::max(0.0f, (row_h - th) / 2)),
             person.present ? p.good : p.muted, state, TextBox{status_w, 2});
      y += std::max(row_h, th) + 0.4f * em;
    }
  }
  ImGui::Dummy(ImVec2(w, std::max(1.0f, y - origin.y)));
  ImGui::EndChild();
  ImGui::PopStyleColor();

  keyboard(k, ImVec2(margin, kb_top), w, out);
  end_screen();
}

}  // namespace rapport::ui
