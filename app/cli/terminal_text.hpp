#pragma once
// What the CLI prints goes to a terminal, and names, tags and file contents come from
// other people's rosters: a name holding ESC [ 2 J or an OSC 8 link must not drive the
// terminal. Every byte that prints on stdout and stderr passes through this filter, which
// writes C0 controls (but newline and tab), DEL and the C1 controls U+0080..U+009F as
// \u001b-style escapes: readable as text, and still valid inside a JSON string.
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

namespace rapport::cli {

// The escaped form of `s`: newlines and tabs kept, unless `one_line` (an error message is
// one line, whatever a scanned vCard in it held).
std::string escape_controls(std::string_view s, bool one_line = false);

// Puts the filter in front of std::cout and std::cerr until destroyed.
class TerminalGuard {
 public:
  TerminalGuard();
  ~TerminalGuard();
  TerminalGuard(const TerminalGuard&) = delete;
  TerminalGuard& operator=(const TerminalGuard&) = delete;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rapport::cli
