#include "ui/fonts.hpp"

#include <imgui/imgui_freetype.h>
#include <imgui/imgui_internal.h>

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <variant>

namespace rapport::ui {

namespace {
const char* first_existing(std::initializer_list<const char*> paths) {
  for (const char* p : paths)
    if (std::filesystem::exists(p)) return p;
  return nullptr;
}
}  // namespace

Fonts build_fonts(const FontRequest& req) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas* atlas = io.Fonts;
  atlas->Clear();
  atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

  ImFontGlyphRangesBuilder b;
  b.AddRanges(atlas->GetGlyphRangesDefault());  // Basic Latin + Latin-1
  static const ImWchar extra[] = {0x0100, 0x017F,   // Latin Extended-A (Ł, ő, š...)
                                  0x2010, 0x2027,   // dashes, quotes, bullet, ellipsis
                                  0x20AC, 0x20AC,   // euro
                                  0xFFFD, 0xFFFD,   // replacement character
                                  0};
  b.AddRanges(extra);
  for (const auto& t : req.texts) b.AddText(t.c_str(), t.c_str() + t.size());
  // ImVector must outlive the atlas build; kept in a static owned by the one UI thread.
  static ImVector<ImWchar> ranges;
  ranges.clear();
  b.BuildRanges(&ranges);

  const char* latin = first_existing({"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
  const char* bold = first_existing({"/usr/share/fonts/truetype/noto/NotoSans-SemiBold.ttf",
                                     "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                                     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"});
  const char* cjk = first_existing({"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"});
  const char* cjk_bold = first_existing({"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", cjk});
  const char* fallback = first_existing({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});

  auto add = [&](float px, bool heavy) -> ImFont* {
    const char* main = heavy && bold ? bold : latin;
    if (!main) {
      std::fprintf(stderr, "rapport: no Noto Sans or DejaVu font found; names outside ASCII may not show\n");
      ImFontConfig c;
      c.SizePixels = px;
      return atlas->AddFontDefault(&c);
    }
    ImFontConfig c;
    c.OversampleH = 1;
    c.PixelSnapH = true;
    ImFont* f = atlas->AddFontFromFileTTF(main, px, &c, ranges.Data);
    // Merge the fonts that cover what Noto Sans does not (CJK, then DejaVu's symbols);
    // glyphs already present are kept.
    for (const char* more : {heavy ? cjk_bold : cjk, fallback}) {
      if (!more) continue;
      ImFontConfig m;
      m.MergeMode = true;
      m.OversampleH = 1;
      m.PixelSnapH = true;
      atlas->AddFontFromFileTTF(more, px, &m, ranges.Data);
    }
    return f;
  };
  Fonts f;
  f.em = req.em;
  f.body = add(req.em, false);
  f.small = add(std::round(req.em * 0.72f), false);
  f.large = add(std::round(req.em * 1.45f), true);
  f.huge = add(std::round(req.em * 2.3f), true);
  io.FontDefault = f.body;
  return f;
}

std::vector<std::string> reply_texts(const DeskReply& reply) {
  std::vector<std::string> out;
  auto person = [&](const AttendeeRef& r) {
    out.push_back(r.first_name);
    out.push_back(r.name);
  };
  if (const auto* d = std::get_if<DoorReply>(&reply)) {
    if (d->checkin.attendee) person(*d->checkin.attendee);
    if (d->suggestions) {
      person(d->suggestions->for_person);
      out.push_back(d->suggestions->note);
      for (const auto& s : d->suggestions->suggestions) {
        person(s.person);
        out.push_back(s.initials);
        out.insert(out.end(), s.reasons.begin(), s.reasons.end());
        out.push_back(s.starter);
      }
      for (const auto& i : d->suggestions->introductions) out.push_back(i.reason);
    }
  } else if (const auto* m = std::get_if<MeetReply>(&reply)) {
    person(m->a);
    person(m->b);
  } else if (const auto* p = std::get_if<DayPicture>(&reply)) {
    out.push_back(p->stats.event_name);
    for (const auto& t : p->stats.top_interests) out.push_back(t.label);
    for (const auto& n : p->graph.nodes) out.push_back(n.label);
  } else if (const auto* ro = std::get_if<RosterReply>(&reply)) {
    for (const auto& p : ro->roster) {
      out.push_back(p.first_name + p.last_name + p.initials);
      out.insert(out.end(), p.interests.begin(), p.interests.end());
    }
  } else if (const auto* sp = std::get_if<StorageProblem>(&reply)) {
    out.push_back(sp->detail);
  } else if (const auto* sy = std::get_if<SyncReply>(&reply)) {
    out.push_back(sy->status.target);
    out.push_back(sy->status.last_error);
  }
  return out;
}

bool needs_glyphs(const Fonts& fonts, const std::vector<std::string>& texts, FontRequest& request,
                  std::vector<unsigned>& asked) {
  bool grow = false;
  for (const auto& t : texts) {
    if (t.empty() || font_covers(fonts.body, t)) continue;
    bool fresh = false;
    const char* p = t.data();
    const char* end = p + t.size();
    while (p < end) {
      unsigned int c = 0;
      int n = ImTextCharFromUtf8(&c, p, end);
      if (n <= 0) break;
      p += n;
      if (c > 0xFFFF || const_cast<ImFont*>(fonts.body)->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
      if (std::find(asked.begin(), asked.end(), c) == asked.end()) {
        asked.push_back(c);
        fresh = true;
      }
    }
    if (fresh) {
      request.texts.push_back(t);
      grow = true;
    }
  }
  return grow;
}

}  // namespace rapport::ui
