#include "platform/idling.hpp"

namespace rapport {

IdleDecision decide_idling(const LoopSignals& s, const IdlingPolicy& p) {
  // A script that just moved on goes straight to its next frame (tests, the soak), unless
  // the desk works (its reply wakes the loop).
  if (s.script_running && s.script_progressed && !s.desk_busy) return {true, 0};
  bool busy = s.script_running || s.input_frames_left > 0 || s.desk_busy || s.pointer_down;
  if (busy) return {false, p.busy_wait_s};
  if (s.camera_live) return {false, p.camera_wait_s};
  return {false, p.idle_wait_s};
}

bool skip_frame_for_desk(bool asked_desk, bool desk_replied, int skipped, const IdlingPolicy& p) {
  return asked_desk && !desk_replied && skipped < p.max_frames_skipped_for_desk;
}

bool should_present(const FrameChange& c) {
  return c.first_frame || c.must_present || c.draw_data_changed || c.camera_frame_new;
}

}  // namespace rapport
