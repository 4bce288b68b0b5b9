#include "ui/fonts.hpp"

#include <imgui/imgui_freetype.h>
#include <imgui/imgui_internal.h>

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <filesystem>

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
    return atlas->AddFontFromFileTTF(main, px, &c, ranges.Data);
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

}  // namespace rapport::ui
