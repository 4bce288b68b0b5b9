#include "platform/backend.hpp"

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui/backends/imgui_impl_glfw.h>
#include <imgui/backends/imgui_impl_opengl3.h>
#include <imgui/imgui.h>
#include <imgui/imgui_internal.h>

#include <algorithm>
#include <iostream>

#include "platform/gl_census.hpp"
#include "platform/gl_helpers.hpp"

namespace rapport {

namespace {

// Set when the window system lost what was on screen (exposed, resized): the next frame
// is drawn even if it looks like the last one. One window per process.
bool g_damaged = false;

GLFWwindow* open_window(const WindowSpec& spec) {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  if (spec.windowed) return glfwCreateWindow(spec.width, spec.height, "Rapport", nullptr, nullptr);
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  if (count == 0) return nullptr;
  GLFWmonitor* m = monitors[std::clamp(spec.monitor, 0, count - 1)];
  const GLFWvidmode* mode = glfwGetVideoMode(m);
  glfwWindowHint(GLFW_RED_BITS, mode->redBits);
  glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
  glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
  glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
  glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // stay up when focus moves
  return glfwCreateWindow(mode->width, mode->height, "Rapport", m, nullptr);
}

// A fingerprint of everything the frame would put on screen: vertices, indices, and
// each draw command's texture, clip rectangle and range.
unsigned hash_draw_data(const ImDrawData* dd, unsigned seed) {
  unsigned h = ImHashData(&dd->DisplaySize, sizeof(dd->DisplaySize), seed);
  for (int i = 0; i < dd->CmdListsCount; ++i) {
    const ImDrawList* l = dd->CmdLists[i];
    h = ImHashData(l->VtxBuffer.Data, static_cast<size_t>(l->VtxBuffer.size_in_bytes()), h);
    h = ImHashData(l->IdxBuffer.Data, static_cast<size_t>(l->IdxBuffer.size_in_bytes()), h);
    for (const ImDrawCmd& c : l->CmdBuffer) {
      h = ImHashData(&c.ClipRect, sizeof(c.ClipRect), h);
      h = ImHashData(&c.TextureId, sizeof(c.TextureId), h);
      unsigned range[3] = {c.VtxOffset, c.IdxOffset, c.ElemCount};
      h = ImHashData(range, sizeof(range), h);
      h = ImHashData(&c.UserCallback, sizeof(c.UserCallback), h);
    }
  }
  return h;
}

}  // namespace

Result<std::unique_ptr<Backend>> Backend::open(const WindowSpec& spec) {
  std::unique_ptr<Backend> b(new Backend());
  glfwSetErrorCallback([](int code, const char* what) { std::cerr << "rapport: GLFW " << code << ": " << what << std::endl; });
  if (!glfwInit()) return make_error("no display (set DISPLAY, or run under xvfb-run / cage)");
  b->glfw_ = true;
  b->window_ = open_window(spec);
  if (!b->window_) return make_error("could not open an OpenGL 3.3 window");
  glfwMakeContextCurrent(b->window_);
  glfwSwapInterval(1);
  if (!gladLoadGL(glfwGetProcAddress)) return make_error("could not load OpenGL 3.3");
  if (!spec.windowed) glfwSetInputMode(b->window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  b->imgui_ = true;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  ImGui::StyleColorsDark();
  return b;
}

void Backend::start_imgui(const WindowEvents& events) {
  glfwSetWindowUserPointer(window_, events.user);
  // Ours first: ImGui's backend chains to the callbacks installed before it.
  if (events.on_char) glfwSetCharCallback(window_, events.on_char);
  if (events.on_key) glfwSetKeyCallback(window_, events.on_key);
  if (events.on_close) glfwSetWindowCloseCallback(window_, events.on_close);
  glfwSetWindowRefreshCallback(window_, [](GLFWwindow*) { g_damaged = true; });
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  imgui_backends_ = true;
  install_gl_census();
}

Backend::~Backend() {
  if (imgui_backends_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
  }
  if (imgui_) ImGui::DestroyContext();
  if (window_) glfwDestroyWindow(window_);
  if (glfw_) glfwTerminate();
}

void Backend::framebuffer_size(int& w, int& h) const { glfwGetFramebufferSize(window_, &w, &h); }

bool Backend::wait(const IdleDecision& d) {
  if (d.poll) glfwPollEvents();
  else glfwWaitEventsTimeout(d.timeout_s);
  return glfwWindowShouldClose(window_);
}

void Backend::wake() { glfwPostEmptyEvent(); }

bool Backend::frame(const FrameHooks& hooks, unsigned clear_rgba, FrameChange change) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (hooks.input) hooks.input(ImGui::GetIO());
  ImGui::NewFrame();
  if (hooks.draw) hooks.draw();
  ImGui::Render();
  int fw, fh;
  glfwGetFramebufferSize(window_, &fw, &fh);
  unsigned h = hash_draw_data(ImGui::GetDrawData(), clear_rgba);
  h = ImHashData(&fw, sizeof(fw), ImHashData(&fh, sizeof(fh), h));
  change.draw_data_changed = change.draw_data_changed || h != last_hash_;
  change.first_frame = change.first_frame || !drawn_once_ || g_damaged;
  if (!should_present(change)) return false;
  last_hash_ = h;
  drawn_once_ = true;
  g_damaged = false;
  glViewport(0, 0, fw, fh);
  ImVec4 bg = ImGui::ColorConvertU32ToFloat4(clear_rgba);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (hooks.before_swap) hooks.before_swap();
  glfwSwapBuffers(window_);
  return true;
}

void Backend::finish() { glFinish(); }

void Backend::reload_fonts() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

Status Backend::screenshot(const std::string& path) const {
  int fw, fh;
  glfwGetFramebufferSize(window_, &fw, &fh);
  return save_screenshot(path, fw, fh);
}

}  // namespace rapport
