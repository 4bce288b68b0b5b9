// The layout test's judge: outside the window or over another widget is a failure.
#include <gtest/gtest.h>

#include "ui/layout_check.hpp"

using namespace rapport::ui;

namespace {
const ImVec2 kWin(1080, 1920);
Placed at(Placed::Kind k, const char* label, float x0, float y0, float x1, float y1) {
  return Placed{k, label, ImVec2(x0, y0), ImVec2(x1, y1), ImVec2(0, 0), kWin};
}
}  // namespace

TEST(LayoutCheck, CleanFramePasses) {
  std::vector<Placed> p = {at(Placed::Kind::text, "Hi Ana", 20, 20, 300, 80),
                           at(Placed::Kind::button, "Done", 800, 1800, 1060, 1900),
                           at(Placed::Kind::shape, "avatar", 20, 100, 120, 200),
                           at(Placed::Kind::text, "AL", 40, 130, 100, 170)};  // initials inside the avatar
  EXPECT_TRUE(layout_problems(p, kWin).empty());
}

TEST(LayoutCheck, OffScreenAndOverlapsFail) {
  std::vector<Placed> p = {at(Placed::Kind::button, "Exit kiosk", 900, 1800, 1200, 1900)};
  auto off = layout_problems(p, kWin);
  ASSERT_EQ(off.size(), 1u);
  EXPECT_NE(off[0].find("outside"), std::string::npos);

  p = {at(Placed::Kind::button, "Exit kiosk", 100, 100, 400, 200), at(Placed::Kind::button, "Sync now", 300, 150, 600, 250)};
  EXPECT_EQ(layout_problems(p, kWin).size(), 1u);
  p = {at(Placed::Kind::text, "Maximiliana", 100, 100, 700, 160), at(Placed::Kind::shape, "avatar", 600, 90, 700, 190)};
  EXPECT_EQ(layout_problems(p, kWin).size(), 1u);
  p = {at(Placed::Kind::text, "a long reason", 100, 100, 700, 160), at(Placed::Kind::text, "question", 100, 150, 700, 200)};
  EXPECT_EQ(layout_problems(p, kWin).size(), 1u);
}

TEST(LayoutCheck, ScrolledOutRowsAreNotOnScreen) {
  // A results list clips rows at its own edges; what it hides is neither off-screen nor
  // under the keyboard.
  Placed row = at(Placed::Kind::button, "Ana Lima", 40, 1200, 1040, 1300);
  row.clip_min = ImVec2(40, 300);
  row.clip_max = ImVec2(1040, 1150);
  Placed key = at(Placed::Kind::button, "A", 40, 1200, 140, 1290);
  EXPECT_TRUE(layout_problems({row, key}, kWin).empty());
}
