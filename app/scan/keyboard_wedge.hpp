#pragma once
// USB badge scanners type like a keyboard. Characters arriving faster than a person types
// and ending with Enter (or a configured suffix, or a pause for scanners that send none)
// are a scan, not typing.
#include <chrono>
#include <optional>
#include <string>

#include "core/util/clock.hpp"

namespace rapport {

struct WedgeOptions {
  std::chrono::milliseconds max_gap{35};      // slower than this between keys is a person typing
  int min_length = 4;                          // shorter bursts are not codes
  std::string suffix = "\n";                  // what ends a scan ("" = end on pause)
  std::chrono::milliseconds end_pause{120};   // with no suffix: this much silence ends a scan
};

class KeyboardWedge {
 public:
  explicit KeyboardWedge(WedgeOptions options = {});
  // One typed character (UTF-8) or Enter ("\n") at time t. Returns a finished scan.
  std::optional<std::string> feed(const std::string& utf8_char, TimePoint t);
  // Call each frame: finishes a suffix-less scan after a pause.
  std::optional<std::string> poll(TimePoint t);
  // True while a fast burst is in progress (the UI should not treat it as typing).
  bool in_burst() const;

 private:
  WedgeOptions options_;
  std::string buffer_;
  TimePoint last_{};
  bool fast_ = true;
};

}  // namespace rapport
