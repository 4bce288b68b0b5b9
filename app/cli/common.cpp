#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "cli/terminal_text.hpp"
#include "core/util/text.hpp"

namespace rapport::cli {

int bad_input(const Error& e) {
  std::cerr << "rapport: " << escape_controls(e.to_string(), true) << std::endl;
  return kBadInput;
}

int failed(const Error& e) {
  std::cerr << "rapport: " << escape_controls(e.to_string(), true) << std::endl;
  return e.bad_input ? kBadInput : kFailed;
}

Result<Store> open_store(const std::string& path, bool read_only) {
  return Store::open(path, OpenOptions{read_only});
}

Result<std::vector<BatchItem>> read_batch(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read the batch file", path);
  std::vector<BatchItem> out;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    auto t = trim(line);
    if (t.empty()) continue;
    if (!is_valid_utf8(t)) return make_error("this line is not valid UTF-8", fmt::format("{}:{}", path, n));
    // Explicit prefixes: `id:ID` is an attendee id, `code:TEXT` is whatever a scanner read
    // (even a code that itself starts with "id:"); a line without either is a code.
    BatchItem item{n, false, std::string(t)};
    if (t.substr(0, 3) == "id:") {
      item.by_id = true;
      item.value = std::string(trim(t.substr(3)));
      if (item.value.empty()) return make_error("'id:' needs an attendee id after it", fmt::format("{}:{}", path, n));
    } else if (t.substr(0, 5) == "code:") {
      item.value = std::string(trim(t.substr(5)));
      if (item.value.empty()) return make_error("'code:' needs a code after it", fmt::format("{}:{}", path, n));
    }
    out.push_back(std::move(item));
  }
  return out;
}

void add_query_options(CLI::App& app, QueryOptions& q) {
  auto* code = app.add_option("code", q.code, "What the scanner read");
  auto* id = app.add_option("--id", q.id, "An attendee id instead of a code");
  auto* batch = app.add_option("--batch", q.batch, "A file with one query per line: code:CODE, id:ID, or a bare CODE");
  code->excludes(id)->excludes(batch);
  id->excludes(batch);
}

Result<std::vector<BatchItem>> collect_queries(const QueryOptions& q, std::string_view command) {
  if (!q.batch.empty()) return read_batch(q.batch);
  if (!q.id.empty()) return std::vector<BatchItem>{{0, true, q.id}};
  if (!q.code.empty()) return std::vector<BatchItem>{{0, false, q.code}};
  return make_error(fmt::format("{} needs a CODE, --id ID or --batch FILE", command));
}

nlohmann::json to_json(const AttendeeRef& a) {
  return {{"id", a.id}, {"name", a.name}, {"first_name", a.first_name}};
}

void print_json_line(const nlohmann::json& j) {
  std::string s = escape_controls(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

}  // namespace rapport::cli
