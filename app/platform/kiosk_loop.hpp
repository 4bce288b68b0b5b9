#pragma once
// `rapport kiosk`: the window, the main loop and the threads around the UI.
#include <string>

#include <optional>

#include "core/config/kiosk_config.hpp"
#include "core/roster/tag_synonyms.hpp"

namespace rapport {

struct KioskRun {
  std::string db_path;
  KioskConfig config;
  std::string camera;        // overrides config.camera.source when set
  bool windowed = false;     // development: a normal window that may be closed
  int window_width = 1280;
  int window_height = 720;
  std::string script;        // automation script; the run ends when it does
  std::string stats_path;    // env RAPPORT_KIOSK_STATS: per-frame timings as JSON (benchmarks)
  std::string probes_path;   // env RAPPORT_KIOSK_PROBES: the script's `probe` figures as JSON (soak test)
  std::optional<TagSynonyms> synonyms;  // [synonyms] of topics.toml beside the config, when there is one
};

// Returns the process exit code: 0 done (admin exit or script passed), 1 a script
// expectation failed or the kiosk could not start (another kiosk holds the file, no
// display), 2 bad input (no such file, not a Rapport file, damaged, read-only, newer).
int run_kiosk(const KioskRun& run);

}  // namespace rapport
