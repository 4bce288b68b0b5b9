#pragma once
// When the kiosk loop sleeps, for how long, and whether a frame is worth drawing: a pure
// policy (no GLFW, no GL), in the manner of hello_imgui's DecideIdling, so it is unit
// tested and its constants have names.
namespace rapport {

struct IdlingPolicy {
  double busy_wait_s = 1.0 / 60;      // something moves (script, touch, desk at work): 60 Hz
  double camera_wait_s = 0.1;         // camera live: each new frame wakes the loop sooner
  double idle_wait_s = 0.5;           // nothing moves: look at the screens' clocks twice a second
  int frames_after_input = 3;         // ImGui needs a few frames to see a press and its release
  int max_frames_skipped_for_desk = 12;  // a scan went to the desk: wait for its answer, not forever
};

// What the loop knows before it sleeps.
struct LoopSignals {
  bool script_running = false;     // a --script has steps left
  bool script_progressed = false;  // ...and its last step just finished
  bool desk_busy = false;          // the front desk works on a request (its reply wakes us)
  bool pointer_down = false;       // a finger or mouse button is down
  int input_frames_left = 0;       // frames still owed to recent input
  bool camera_live = false;        // a camera delivers frames (each one wakes us)
};

struct IdleDecision {
  bool poll = false;       // true: take the events there are and go on at once
  double timeout_s = 0;    // otherwise: wait for an event at most this long
  bool operator==(const IdleDecision&) const = default;
};

IdleDecision decide_idling(const LoopSignals& s, const IdlingPolicy& p = {});

// A scan was handed to the desk and no reply has come yet: skip drawing (the reply wakes
// the loop) unless `skipped` frames have already been skipped in a row.
bool skip_frame_for_desk(bool asked_desk, bool desk_replied, int skipped, const IdlingPolicy& p = {});

// What the frame drew, compared with the last one shown.
struct FrameChange {
  bool draw_data_changed = false;  // vertices, textures, clip rects or size differ
  bool camera_frame_new = false;   // the camera texture got a new picture
  bool must_present = false;       // a script or a stats run reads every frame
  bool first_frame = false;
};

// Whether to render and swap: a frame identical to the one on screen is not drawn again.
bool should_present(const FrameChange& c);

}  // namespace rapport
