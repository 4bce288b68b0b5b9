#include "ui/script_runner.hpp"

#include "ui/layout_check.hpp"

#include <fmt/format.h>

#include <cfloat>

namespace rapport::ui {

namespace {
bool is_instant(ScriptVerb v) {
  return v == ScriptVerb::present || v == ScriptVerb::key || v == ScriptVerb::type || v == ScriptVerb::advance ||
         v == ScriptVerb::probe;
}
constexpr auto kExpectWithin = std::chrono::seconds(2);
constexpr auto kFindWithin = std::chrono::seconds(2);
}  // namespace

ScriptRunner::ScriptRunner(std::vector<ScriptStep> steps, std::string name)
    : steps_(std::move(steps)), name_(std::move(name)) {
  done_ = steps_.empty();
}

void ScriptRunner::fail(const ScriptStep& step, const std::string& why) {
  failure_ = fmt::format("{}:{}: {} {}: {}", name_, step.line, verb_name(step.verb), step.arg, why);
  done_ = true;
}

void ScriptRunner::next(TimePoint now) {
  ++at_;
  step_started_ = now;
  frames_in_step_ = 0;
  tap_phase_ = 0;
  if (at_ >= steps_.size()) done_ = true;
}

void ScriptRunner::inject_input(ImGuiIO& io) {
  switch (tap_phase_) {
    case 1: io.MousePos = tap_pos_; io.MouseDown[0] = false; break;
    case 2: io.MousePos = tap_pos_; io.MouseDown[0] = true; break;
    case 3: io.MousePos = tap_pos_; io.MouseDown[0] = false; break;
    case 4: io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); io.MouseDown[0] = false; break;
    default: break;
  }
}

bool ScriptRunner::run_instant_steps(ScriptHost& host, TimePoint now) {
  bool ran = false;
  while (!done_ && is_instant(steps_[at_].verb)) {
    const ScriptStep& step = steps_[at_];
    switch (step.verb) {
      case ScriptVerb::present: host.present(step.arg); break;
      case ScriptVerb::key: host.key_burst(step.arg); break;
      case ScriptVerb::type: host.type_text(step.arg); break;
      case ScriptVerb::advance: host.advance_clock(std::chrono::seconds(step.wait_ms)); break;
      case ScriptVerb::probe:
        if (auto s = host.probe(step.arg); !s) {
          fail(step, s.error().to_string());
          return true;
        }
        break;
      default: break;
    }
    next(now);
    ran = true;
  }
  return ran;
}

void ScriptRunner::after_frame(const Kit& kit, ScriptHost& host, TimePoint now) {
  size_t before = at_;
  step(kit, host, now);
  if (!done_ && at_ != before && before < steps_.size() && !is_instant(steps_[before].verb))
    run_instant_steps(host, now);
  progressed_ = at_ != before;
}

void ScriptRunner::step(const Kit& kit, ScriptHost& host, TimePoint now) {
  if (done_) return;
  if (!started_) {
    started_ = true;
    step_started_ = now;
  }
  // Steps that need no frame of their own (hand a code over, move the clock, probe) run
  // back to back, right after the step before them finished; the next step that looks
  // at the screen starts with the next frame, so an `expect` never judges a frame drawn
  // before the scan it waits for.
  if (run_instant_steps(host, now)) return;
  const ScriptStep& step = steps_[at_];
  ++frames_in_step_;
  switch (step.verb) {
    case ScriptVerb::present:
      host.present(step.arg);
      next(now);
      break;
    case ScriptVerb::key:
      host.key_burst(step.arg);
      next(now);
      break;
    case ScriptVerb::type:
      host.type_text(step.arg);
      next(now);
      break;
    case ScriptVerb::wait:
      if (now - step_started_ >= std::chrono::milliseconds(step.wait_ms)) next(now);
      break;
    case ScriptVerb::expect: {
      bool unreadable = false;
      for (size_t i = 0; i < kit.visible().size(); ++i)
        if (kit.visible()[i].find(step.arg) != std::string::npos) {
          if (i < kit.readable().size() && !kit.readable()[i]) {
            unreadable = true;  // on screen, but some glyph is missing: keep waiting
            continue;
          }
          next(now);
          return;
        }
      if (now - step_started_ > kExpectWithin && unreadable) {
        fail(step, "visible, but drawn with characters the font atlas lacks (boxes)");
      } else if (now - step_started_ > kExpectWithin) {
        std::string seen;
        for (const auto& v : kit.visible()) {
          if (seen.size() > 300) break;
          seen += (seen.empty() ? "\"" : ", \"") + v + "\"";
        }
        fail(step, fmt::format("not visible within 2 s (visible: {})", seen));
      }
      break;
    }
    case ScriptVerb::tap: {
      if (tap_phase_ == 0) {
        const Widget* w = nullptr;
        for (const auto& c : kit.widgets())
          if (c.label == step.arg) {
            w = &c;
            break;
          }
        if (!w) {
          if (now - step_started_ > kFindWithin) fail(step, "no visible button with that label");
          break;
        }
        tap_pos_ = ImVec2((w->min.x + w->max.x) / 2, (w->min.y + w->max.y) / 2);
        tap_phase_ = 1;
      } else if (tap_phase_ < 4) {
        ++tap_phase_;
      } else {
        next(now);
      }
      break;
    }
    case ScriptVerb::advance:
      host.advance_clock(std::chrono::seconds(step.wait_ms));
      next(now);
      break;
    case ScriptVerb::probe: {
      auto s = host.probe(step.arg);
      if (!s) fail(step, s.error().to_string());
      else next(now);
      break;
    }
    case ScriptVerb::layout: {
      // Judged on a frame drawn at least twice on this screen: the first frame after a
      // change may still hold the previous screen's last placements.
      if (frames_in_step_ < 2) break;
      auto problems = layout_problems(kit.placed(), ImGui::GetMainViewport()->Size);
      if (problems.empty()) {
        next(now);
        break;
      }
      std::string all;
      for (size_t i = 0; i < problems.size() && i < 6; ++i) all += (i ? "; " : "") + problems[i];
      if (problems.size() > 6) all += fmt::format("; and {} more", problems.size() - 6);
      fail(step, all);
      break;
    }
    case ScriptVerb::screenshot: {
      auto s = host.screenshot(step.arg);
      if (!s) fail(step, s.error().to_string());
      else next(now);
      break;
    }
  }
}

}  // namespace rapport::ui
