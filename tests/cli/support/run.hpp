#pragma once
// Runs the real `rapport` binary and captures what a person would see.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../../unit/support/temp_dir.hpp"

extern char** environ;

namespace rapport::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;

  std::vector<nlohmann::json> json_lines() const {
    std::vector<nlohmann::json> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }
  nlohmann::json json() const { return nlohmann::json::parse(out); }
};

// Runs rapport with `args`; `env` entries ("K=V") are added to the environment.
inline RunResult run_rapport(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
  TempDir io;
  std::string out_path = io.file("stdout"), err_path = io.file("stderr");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> all{RAPPORT_BIN};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> envs;
  for (char** e = environ; *e; ++e) envs.emplace_back(*e);
  envs.insert(envs.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (auto& e : envs) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid;
  RunResult r;
  if (posix_spawn(&pid, RAPPORT_BIN, &fa, nullptr, argv.data(), envp.data()) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&fa);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

inline std::string data_file(const std::string& name) { return std::string(RAPPORT_TEST_DATA) + "/" + name; }

}  // namespace rapport::test
