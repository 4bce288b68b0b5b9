#pragma once
// The kiosk's window, OpenGL context and Dear ImGui, set up in one place and torn down in
// reverse order when the Backend goes away (in the manner of Tracy's Backend.hpp). The
// loop asks it for events, for a frame, and for nothing else GLFW- or GL-shaped.
#include <functional>
#include <memory>
#include <string>

#include "core/util/result.hpp"
#include "platform/idling.hpp"

struct GLFWwindow;
struct ImGuiIO;

namespace rapport {

struct WindowSpec {
  bool windowed = false;  // development: a normal window that may be closed
  int width = 1280, height = 720;
  int monitor = 0;        // fullscreen on this monitor (clamped to the ones there are)
};

// The window's callbacks, installed before ImGui's (which chains to them).
struct WindowEvents {
  void* user = nullptr;  // glfwGetWindowUserPointer
  void (*on_char)(GLFWwindow*, unsigned int) = nullptr;
  void (*on_key)(GLFWwindow*, int, int, int, int) = nullptr;
  void (*on_close)(GLFWwindow*) = nullptr;
};

// What a frame does, in the order it happens.
struct FrameHooks {
  std::function<void(ImGuiIO&)> input;  // after the devices were read, before ImGui::NewFrame
  std::function<void()> draw;           // the UI, between NewFrame and Render
  std::function<void()> before_swap;    // the frame is in the back buffer (screenshots, timings)
};

class Backend {
 public:
  // Opens the window (fullscreen unless windowed), makes its GL 3.3 context current and
  // creates the ImGui context; the GL and GLFW backends of ImGui start in start_imgui().
  // Errors: no display, no window, no OpenGL 3.3 (the kiosk exits 1).
  static Result<std::unique_ptr<Backend>> open(const WindowSpec& spec);
  ~Backend();
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;

  // Installs `events` and then ImGui's GLFW and OpenGL backends (fonts may be built
  // before this: the font texture is made on the first frame).
  void start_imgui(const WindowEvents& events);

  void framebuffer_size(int& w, int& h) const;
  // Sleeps as `d` says (or takes pending events at once); true when the window was asked
  // to close.
  bool wait(const IdleDecision& d);
  // Wakes wait() from any thread.
  static void wake();

  // One frame: devices, hooks, render. The frame is rendered and swapped only when it
  // differs from the one on screen, or `change` says it must be (see should_present).
  // Returns whether it was drawn.
  bool frame(const FrameHooks& hooks, unsigned clear_rgba, FrameChange change);

  // Waits until the GPU finished the frame (a latency figure that ends on screen).
  static void finish();
  // After the font atlas was rebuilt (new glyphs): the GL font texture again.
  void reload_fonts();
  Status screenshot(const std::string& path) const;

 private:
  Backend() = default;
  GLFWwindow* window_ = nullptr;
  bool glfw_ = false, imgui_ = false, imgui_backends_ = false;
  unsigned last_hash_ = 0;
  bool drawn_once_ = false;
};

}  // namespace rapport
