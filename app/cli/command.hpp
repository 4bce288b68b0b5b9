#pragma once
// Each subcommand lives in its own cli/cmd_*.cpp and registers itself here. Commands are
// thin: they parse options, call core, and print. Exit codes: 0 success, 2 bad input
// (with a one-line `file:line: reason` on stderr), 1 anything else that went wrong.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/roster/attendee.hpp"
#include "core/store/store.hpp"

namespace rapport::cli {

inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;
inline constexpr int kBadInput = 2;

struct Command {
  CLI::App* app;
  std::function<int()> run;
};
using Commands = std::vector<Command>;

// Prints "rapport: <where>: <message>" on stderr and returns kBadInput.
int bad_input(const Error& e);
// Prints the message on stderr and returns kFailed (kBadInput for an Error marked bad_input).
int failed(const Error& e);

// Opens a store for a command, or prints why not.
Result<Store> open_store(const std::string& path, bool read_only = false);

// One query of a --batch file: "code:CODE", "id:ID" or a bare "CODE".
struct BatchItem {
  size_t line = 0;
  bool by_id = false;
  std::string value;
};
Result<std::vector<BatchItem>> read_batch(const std::string& path);

// The "(CODE | --id ID | --batch FILE)" trio that checkin and suggest share.
struct QueryOptions {
  std::string code, id, batch;
};
void add_query_options(CLI::App& app, QueryOptions& q);
// The queries the options name, or why not (no query given, unreadable batch file).
Result<std::vector<BatchItem>> collect_queries(const QueryOptions& q, std::string_view command);

nlohmann::json to_json(const AttendeeRef& a);
// Prints one JSON value on its own line and flushes (acknowledged output).
void print_json_line(const nlohmann::json& j);

// Registration functions, one per cmd_*.cpp.
void add_init(CLI::App& root, Commands& out);
void add_import(CLI::App& root, Commands& out);
void add_checkin(CLI::App& root, Commands& out);
void add_demo_event(CLI::App& root, Commands& out);
void add_badges(CLI::App& root, Commands& out);
void add_decode(CLI::App& root, Commands& out);
void add_suggest(CLI::App& root, Commands& out);
void add_connect(CLI::App& root, Commands& out);
void add_export(CLI::App& root, Commands& out);
void add_merge(CLI::App& root, Commands& out);
void add_forget(CLI::App& root, Commands& out);
void add_stats(CLI::App& root, Commands& out);
void add_kiosk(CLI::App& root, Commands& out);
void add_hub(CLI::App& root, Commands& out);
void add_sync(CLI::App& root, Commands& out);

}  // namespace rapport::cli
