#pragma once
// Touch screens report a tap as a mouse press and release at the finger's spot, and the
// pointer then stays there: the button under it would look hovered until the next touch.
// After a release (seen where it happened for one frame) the pointer is moved off-screen
// until it moves or presses again.
struct ImGuiIO;

namespace rapport {

class TouchPointer {
 public:
  // Call after the platform backend filled `io` for the frame, before ImGui::NewFrame.
  // Returns whether the pointer is down this frame.
  bool before_frame(ImGuiIO& io);

 private:
  bool hide_ = false;
  bool prev_down_ = false;
  float released_x_ = -1, released_y_ = -1;
};

}  // namespace rapport
