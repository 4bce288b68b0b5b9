#include "platform/idling.hpp"

#include <gtest/gtest.h>

using namespace rapport;

TEST(Idling, NothingMovesSleepsTheIdleWait) {
  IdlingPolicy p;
  p.idle_wait_s = 0.7;
  LoopSignals s;
  EXPECT_EQ(decide_idling(s, p), (IdleDecision{false, 0.7}));
}

TEST(Idling, LiveCameraWaitsForItsNextFrame) {
  IdlingPolicy p;
  p.camera_wait_s = 0.2;
  LoopSignals s;
  s.camera_live = true;
  EXPECT_EQ(decide_idling(s, p), (IdleDecision{false, 0.2}));
}

TEST(Idling, AnythingBusyWaitsOneFrame) {
  IdlingPolicy p;
  p.busy_wait_s = 0.01;
  const IdleDecision busy{false, 0.01};
  LoopSignals input;
  input.input_frames_left = 1;
  input.camera_live = true;
  EXPECT_EQ(decide_idling(input, p), busy);
  LoopSignals desk;
  desk.desk_busy = true;
  EXPECT_EQ(decide_idling(desk, p), busy);
  LoopSignals pointer;
  pointer.pointer_down = true;
  EXPECT_EQ(decide_idling(pointer, p), busy);
  LoopSignals script;
  script.script_running = true;
  EXPECT_EQ(decide_idling(script, p), busy);
}

TEST(Idling, ScriptThatMovedOnPollsUnlessTheDeskWorks) {
  LoopSignals s;
  s.script_running = true;
  s.script_progressed = true;
  EXPECT_TRUE(decide_idling(s).poll);
  s.desk_busy = true;
  EXPECT_FALSE(decide_idling(s).poll);  // the desk's reply wakes the loop
  s.desk_busy = false;
  s.script_running = false;  // a finished script has nothing to hurry for
  EXPECT_FALSE(decide_idling(s).poll);
}

TEST(Idling, FramesAreSkippedForTheDeskAtMostTheLimit) {
  IdlingPolicy p;
  p.max_frames_skipped_for_desk = 2;
  EXPECT_TRUE(skip_frame_for_desk(true, false, 0, p));
  EXPECT_TRUE(skip_frame_for_desk(true, false, 1, p));
  EXPECT_FALSE(skip_frame_for_desk(true, false, 2, p));
  EXPECT_FALSE(skip_frame_for_desk(true, true, 0, p));   // the answer is here: draw it
  EXPECT_FALSE(skip_frame_for_desk(false, false, 0, p));  // nothing asked
}

TEST(Idling, AFrameLikeTheLastIsNotPresented) {
  FrameChange c;
  EXPECT_FALSE(should_present(c));
  c.draw_data_changed = true;
  EXPECT_TRUE(should_present(c));
  c = {};
  c.camera_frame_new = true;
  EXPECT_TRUE(should_present(c));
  c = {};
  c.must_present = true;
  EXPECT_TRUE(should_present(c));
  c = {};
  c.first_frame = true;
  EXPECT_TRUE(should_present(c));
}
