#pragma once
// Runs a tool the tests read results with (sqlite3, pdftoppm, zbarimg, lpstat): its
// stdout and exit code. Arguments are single-quoted for the shell.
#include <cstdlib>
#include <string>
#include <vector>

#include "run.hpp"

namespace rapport::test {

inline RunResult run_cmd(const std::vector<std::string>& words, const std::vector<std::string>& env = {}) {
  TempDir io;
  std::string line;
  for (const auto& e : env) line += e + " ";
  for (const auto& w : words) {
    std::string q = "'";
    for (char c : w) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += q + "' ";
  }
  line += "</dev/null >" + io.file("out") + " 2>" + io.file("err");
  RunResult r;
  int status = std::system(line.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  r.out = read_file(io.file("out"));
  r.err = read_file(io.file("err"));
  return r;
}

}  // namespace rapport::test
