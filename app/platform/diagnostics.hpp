#pragma once
// The kiosk's own figures, for the soak test and the benchmarks: the script's `probe`
// step (memory, descriptors, GL objects; env RAPPORT_KIOSK_PROBES) and per-frame timings
// (env RAPPORT_KIOSK_STATS). Nothing here runs unless one of them was asked for.
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/util/result.hpp"
#include "ui/kiosk_state.hpp"

namespace rapport {

// The figures of one probe, named `name`; the caller parks the camera around it.
// `text_textures`: how many live GL textures belong to the shaped-text cache, which is
// bounded by its own limits and rises and falls with the names on screen.
nlohmann::json probe_figures(const std::string& name, int64_t frames, int64_t event_clock_offset_s,
                             int64_t text_textures);

// Probes recorded so far, rewritten whole to `path` after each one: a run that dies later
// still leaves its figures.
class ProbeLog {
 public:
  explicit ProbeLog(std::string path) : path_(std::move(path)) {}
  bool enabled() const { return !path_.empty(); }
  Status add(nlohmann::json probe);

 private:
  std::string path_;
  nlohmann::json probes_ = nlohmann::json::array();
};

// Per-frame CPU and wall time, and scan-to-screen latencies, written as JSON at the end.
class FrameStats {
 public:
  explicit FrameStats(std::string path) : path_(std::move(path)) {}
  bool enabled() const { return !path_.empty(); }
  void begin_frame();
  void end_frame(ui::Screen screen);
  void scan_shown(TimePoint captured);
  void write() const;

 private:
  std::string path_;
  double cpu0_ = 0, proc0_ = 0;
  std::chrono::steady_clock::time_point wall0_;
  nlohmann::json stats_ = {{"frames", nlohmann::json::array()}, {"scan_to_screen_ms", nlohmann::json::array()}};
};

}  // namespace rapport
