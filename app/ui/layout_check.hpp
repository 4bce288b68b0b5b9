#pragma once
// The layout test's judge: what a frame placed (Kit::placed) against the window. A
// button, text or shape that leaves the window, or that covers another, is a problem a
// person would see: a name cut off, "Exit kiosk" over a hidden button.
#include <string>
#include <vector>

#include "ui/ui_kit.hpp"

namespace rapport::ui {

// One line per problem ("text "Ana Lima" ends 40 px right of the window"), empty when
// the frame is clean. Items a scrolling list clips are judged by their visible part;
// a text wholly inside a shape (initials in an avatar) is its label, not an overlap.
std::vector<std::string> layout_problems(const std::vector<Placed>& placed, ImVec2 window);

}  // namespace rapport::ui
