#pragma once
// What the synthetic camera sees: a badge held up by a hand in front of a camera, with
// mild perspective, a little blur and sensor noise. Deterministic for a seed and frame
// number, so tests and benchmarks see the same pixels every run.
#include <cstdint>
#include <string>

#include "core/util/result.hpp"
#include "scan/frame.hpp"

namespace rapport {

struct SceneOptions {
  int width = 1280;
  int height = 720;
  uint64_t seed = 1;
  double badge_width = 420;  // pixels across the badge in the frame (arm's length)
  double blur = 1.0;         // box-blur passes (0 = sharp)
  double noise = 6.0;        // noise amplitude in gray levels
};

// An empty scene (no badge) or one with a badge showing `code` (empty = no badge).
Result<Frame> render_scene(const std::string& code, uint64_t frame_number, const SceneOptions& options);

}  // namespace rapport
