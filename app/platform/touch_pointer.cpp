#include "platform/touch_pointer.hpp"

#include <imgui/imgui.h>

#include <cfloat>

namespace rapport {

bool TouchPointer::before_frame(ImGuiIO& io) {
  bool down = io.MouseDown[0];
  if (hide_ && (down || io.MousePos.x != released_x_ || io.MousePos.y != released_y_)) hide_ = false;
  if (prev_down_ && !down) {
    released_x_ = io.MousePos.x;  // this frame still sees the release where it happened
    released_y_ = io.MousePos.y;
  } else if (hide_) {
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  }
  if (prev_down_ && !down) hide_ = true;
  prev_down_ = down;
  return down;
}

}  // namespace rapport
