#pragma once
// The kiosk's automation script (`rapport kiosk --script FILE`): one command per line.
//   present CODE        the synthetic camera shows that badge until it is decoded
//   key TEXT            a keyboard-wedge burst (USB scanner) of TEXT followed by Enter
//   tap LABEL           taps the visible widget with that label
//   type TEXT           types TEXT as a person would (into the search field)
//   wait MS             lets the kiosk run for MS milliseconds
//   expect TEXT         fails unless TEXT is visible within 2 s
//   screenshot FILE.png saves the screen
//   layout NAME         fails when a button, text or shape of the current screen lies
//                       outside the window or overlaps another (NAME names the check)
// Two more for long-running tests (the soak), not for the normal UI:
//   advance SECONDS     moves the event clock (what stamps check-ins and drives the sync
//                       interval) forward, so a ten-hour day fits in minutes
//   probe NAME          records memory (RSS), open file descriptors and live GL objects
//                       under NAME in the file named by env RAPPORT_KIOSK_PROBES
// Blank lines and lines starting with '#' are ignored.
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"

namespace rapport {

enum class ScriptVerb { present, key, tap, type, wait, expect, screenshot, advance, probe, layout };
std::string_view verb_name(ScriptVerb v);

struct ScriptStep {
  size_t line = 0;
  ScriptVerb verb = ScriptVerb::wait;
  std::string arg;  // the text after the verb (trimmed); for wait, the digits
  int wait_ms = 0;       // wait: milliseconds; advance: seconds
};

// Errors name `name:line`.
Result<std::vector<ScriptStep>> parse_kiosk_script(std::string_view text, const std::string& name);
Result<std::vector<ScriptStep>> load_kiosk_script(const std::string& path);

}  // namespace rapport
