#pragma once
// Drives the real UI from a kiosk script (core/config/kiosk_script.hpp), one step at a
// time, through the same input path a finger uses: a tap is a mouse move, press and
// release on the widget that showed that label in the last frame.
#include <imgui/imgui.h>

#include <string>
#include <vector>

#include "core/config/kiosk_script.hpp"
#include "core/util/clock.hpp"
#include "ui/ui_kit.hpp"

namespace rapport::ui {

class ScriptHost {
 public:
  virtual ~ScriptHost() = default;
  virtual void present(const std::string& code) = 0;
  virtual void key_burst(const std::string& text) = 0;
  virtual void type_text(const std::string& text) = 0;
  virtual Status screenshot(const std::string& path) = 0;
  // Test hooks (see kiosk_script.hpp): move the event clock; record resource figures.
  virtual void advance_clock(std::chrono::seconds by) = 0;
  virtual Status probe(const std::string& name) = 0;
};

class ScriptRunner {
 public:
  ScriptRunner(std::vector<ScriptStep> steps, std::string name);

  // Before ImGui::NewFrame: the synthetic pointer for a tap in progress.
  void inject_input(ImGuiIO& io);
  // After the frame was rendered (and before it is shown): checks and advances.
  void after_frame(const Kit& kit, ScriptHost& host, TimePoint now);

  bool done() const { return done_; }
  // The last frame moved the script on: the next step is ready, no need to wait for events.
  bool progressed() const { return progressed_; }
  bool failed() const { return !failure_.empty(); }
  // "FILE:LINE: expect "Welcome": not visible within 2 s (visible: ...)"
  const std::string& failure() const { return failure_; }

 private:
  void fail(const ScriptStep& step, const std::string& why);
  void step(const Kit& kit, ScriptHost& host, TimePoint now);
  // Runs the instant steps from here on; true when any ran (or one failed).
  bool run_instant_steps(ScriptHost& host, TimePoint now);
  void next(TimePoint now);

  std::vector<ScriptStep> steps_;
  std::string name_;
  size_t at_ = 0;
  TimePoint step_started_{};
  bool started_ = false;
  int tap_phase_ = 0;  // 0 none, 1 hover, 2 press, 3 release, 4 pointer away
  ImVec2 tap_pos_{};
  int frames_in_step_ = 0;
  bool done_ = false;
  bool progressed_ = false;
  std::string failure_;
};

}  // namespace rapport::ui
