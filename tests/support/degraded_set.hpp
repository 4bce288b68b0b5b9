#pragma once
// Generates the degraded badge photos the decode tests and benchmarks use: real badges
// (rendered by Rapport's badge printer) and qrencode symbols, put into a 1280x720 scene
// and damaged with ImageMagick the way a kiosk camera damages them: rotation 0-45 degrees,
// perspective, blur, noise, glare, low light, small codes, JPEG artefacts.
// Nothing is downloaded; the set is deterministic (fixed seeds for noise).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/badge/badge_code.hpp"
#include "scan/badge_print.hpp"

namespace rapport::test {

struct DegradedImage {
  std::string file;
  std::string text;      // what the code says
  std::string category;  // rotation, perspective, blur, noise, glare, low-light, small, jpeg, combined
};

inline bool tool_available(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

inline bool run_quiet(const std::string& cmd) { return std::system((cmd + " >/dev/null 2>&1").c_str()) == 0; }

// Writes the set into `dir`; an empty result means ImageMagick or qrencode is missing.
inline std::vector<DegradedImage> make_degraded_set(const std::string& dir) {
  std::vector<DegradedImage> out;
  if (!tool_available("convert") || !tool_available("qrencode")) return out;
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  // Fixed codes so the set is the same on every run.
  const std::vector<std::string> codes = {"RPT1:MZXW6YTBOI3DEMZUGU3DOOBZGA", "RPT1:KRSXG5DJNZTSAYTBMRTWK4ZAEE",
                                          "RPT1:ONSWG4TFOQQGC3TEEBZWC5TFOI", "RPT1:GEZDGNBVGY3TQOJQGEZDGNBVGY"};
  const std::vector<std::string> names = {"Thảo Nguyễn", "王芳", "Łukasz Kowalski", "José García"};
  struct Base {
    std::string png, text;
  };
  std::vector<Base> bases;
  for (size_t i = 0; i < codes.size(); ++i) {
    std::string badge = dir + "/badge" + std::to_string(i) + ".png";
    BadgeContent b{"DevConf 2026", names[i].substr(0, names[i].find(' ')), names[i], {"climate data", "Rust"}, codes[i]};
    if (!write_badge_png(b, badge, 150)) return {};
    bases.push_back({badge, codes[i]});
  }
  // qrencode: another writer's symbols (ECC M, 4-module quiet zone, 5 px modules).
  for (size_t i = 0; i < 2; ++i) {
    std::string q = dir + "/qrencode" + std::to_string(i) + ".png";
    if (!run_quiet("qrencode -l M -m 4 -s 5 -o " + q + " '" + codes[i] + "'")) return {};
    bases.push_back({q, codes[i]});
  }
  // Into a 1280x720 scene: a grey room, the badge about 420 px wide (arm's length).
  auto scene = [&](const Base& b, int width, const std::string& geometry) {
    return "convert -size 1280x720 gradient:gray55-gray30 \\( " + b.png + " -resize " + std::to_string(width) +
           "x \\) -gravity center -geometry " + geometry + " -composite";
  };
  struct Recipe {
    std::string category, ops;
    int width = 420;
    std::string ext = "png";
  };
  const std::vector<Recipe> recipes = {
      {"rotation", "-background gray40 -rotate 10 -gravity center -extent 1280x720"},
      {"rotation", "-background gray40 -rotate 25 -gravity center -extent 1280x720"},
      {"rotation", "-background gray40 -rotate 45 -gravity center -extent 1280x720"},
      {"perspective", "-virtual-pixel edge -distort Perspective '400,160 470,200  880,160 840,150  880,560 820,600  400,560 450,520'"},
      {"perspective", "-virtual-pixel edge -distort Perspective '400,160 380,230  880,160 900,170  880,560 900,560  400,560 380,490'"},
      {"blur", "-blur 0x2"},
      {"blur", "-blur 0x3.5"},
      {"noise", "-seed 7 -attenuate 1.6 +noise Gaussian"},
      {"noise", "-seed 9 -attenuate 2.6 +noise Gaussian"},
      {"glare", "\\( -size 360x360 radial-gradient:white-black \\) -gravity center -geometry +120+60 -compose Screen -composite"},
      {"glare", "\\( -size 700x500 radial-gradient:white-black \\) -gravity center -geometry +140+80 -compose Screen -composite"},
      {"low-light", "+level 0%,22% -seed 3 -attenuate 0.4 +noise Gaussian"},
      {"low-light", "+level 2%,12%"},
      {"small", "", 190},
      {"small", "-blur 0x0.8", 160},
      {"jpeg", "-quality 18", 420, "jpg"},
      {"combined", "-background gray40 -rotate 35 -gravity center -extent 1280x720 -blur 0x1.5 -seed 5 -attenuate 1.2 +noise Gaussian"},
      {"combined", "+level 0%,35% -blur 0x1.2 -seed 11 -attenuate 0.8 +noise Gaussian -quality 40", 300, "jpg"},
  };
  int n = 0;
  for (size_t r = 0; r < recipes.size(); ++r) {
    // Spread the recipes over the bases: each recipe on two different badges.
    for (size_t k = 0; k < 2; ++k) {
      const Base& b = bases[(r + k * 3) % bases.size()];
      const Recipe& rc = recipes[r];
      char name[64];
      std::snprintf(name, sizeof name, "%02d-%s.%s", n++, rc.category.c_str(), rc.ext.c_str());
      std::string file = dir + "/" + name;
      int width = rc.width;
      if (b.png.find("qrencode") != std::string::npos) width = width * 6 / 10;  // a bare symbol is smaller
      std::string cmd = scene(b, width, "+0+0") + " " + rc.ops + " " + file;
      if (!run_quiet(cmd)) return {};
      out.push_back({file, b.text, rc.category});
    }
  }
  return out;
}

}  // namespace rapport::test
