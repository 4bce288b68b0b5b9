#include "core/roster/csv.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>

#include "core/util/text.hpp"

namespace rapport {

namespace {
struct Collector {
  std::vector<CsvRecord> records;
  std::vector<std::string> fields;
  size_t record_line = 0;
  size_t current_line = 0;
  size_t bad_utf8_line = 0;
};

void on_field(void* data, size_t len, void* user) {
  auto* c = static_cast<Collector*>(user);
  std::string_view v(data ? static_cast<const char*>(data) : "", data ? len : 0);
  if (!c->bad_utf8_line && !is_valid_utf8(v)) c->bad_utf8_line = c->record_line;
  c->fields.emplace_back(v);
}

void on_row(int, void* user) {
  auto* c = static_cast<Collector*>(user);
  c->records.push_back(CsvRecord{c->record_line, std::move(c->fields)});
  c->fields.clear();
}

int is_space(unsigned char ch) { return ch == ' ' || ch == '\t'; }
int is_term(unsigned char ch) { return ch == '\r' || ch == '\n'; }
}  // namespace

Result<std::vector<CsvRecord>> parse_csv(std::string_view data, const std::string& name) {
  if (data.size() >= 3 && data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  // A NUL byte is never text: stored, it would end names early in C APIs and stop every
  // hub sync of the file (PostgreSQL text cannot hold it). Refused here, with its line.
  if (auto nul = data.find('\0'); nul != std::string_view::npos) {
    size_t line = 1 + static_cast<size_t>(std::count(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
    return make_error("this line contains a NUL byte (\\0); save the roster as plain UTF-8 text",
                      fmt::format("{}:{}", name, line));
  }
  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) return make_error("out of memory");
  csv_set_space_func(&p, is_space);
  csv_set_term_func(&p, is_term);
  Collector c;
  size_t pos = 0;
  size_t line = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    size_t end = nl == std::string_view::npos ? data.size() : nl + 1;
    ++line;
    // A record that has not begun yet begins on this line.
    if (p.pstate == 0 && c.fields.empty()) c.record_line = line;
    c.current_line = line;
    size_t n = csv_parse(&p, data.data() + pos, end - pos, on_field, on_row, &c);
    if (n != end - pos) {
      std::string why = csv_error(&p) == CSV_EPARSE
                            ? "malformed quoting: a quote must open a field, close it, or be doubled "
                              "inside a quoted field"
                            : "out of memory while reading";
      csv_free(&p);
      return make_error(why, fmt::format("{}:{}", name, line));
    }
    pos = end;
  }
  if (csv_fini(&p, on_field, on_row, &c) != 0) {
    csv_free(&p);
    return make_error("unclosed quote: this field's opening quote is never closed",
                      fmt::format("{}:{}", name, c.record_line));
  }
  csv_free(&p);
  if (c.bad_utf8_line)
    return make_error("this row is not valid UTF-8; save the file as UTF-8 and try again",
                      fmt::format("{}:{}", name, c.bad_utf8_line));
  return std::move(c.records);
}

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos &&
      (value.empty() || (value.front() != ' ' && value.back() != ' ')))
    return std::string(value);
  std::string out = "\"";
  for (char ch : value) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

std::string spreadsheet_cell(std::string_view value) {
  size_t i = value.find_first_not_of(' ');
  if (i == std::string_view::npos) return std::string(value);
  std::string_view rest = value.substr(i);
  static constexpr std::string_view kTriggers[] = {
      "=", "+", "-", "@", "\t", "\r",
      "\xEF\xBC\x9D",  // U+FF1D FULLWIDTH EQUALS SIGN
      "\xEF\xBC\x8B",  // U+FF0B FULLWIDTH PLUS SIGN
      "\xEF\xBC\x8D",  // U+FF0D FULLWIDTH HYPHEN-MINUS
      "\xEF\xBC\xA0",  // U+FF20 FULLWIDTH COMMERCIAL AT
  };
  for (auto t : kTriggers)
    if (rest.substr(0, t.size()) == t) return "'" + std::string(value);
  return std::string(value);
}

std::string spreadsheet_line(const std::vector<std::string>& fields) {
  std::vector<std::string> safe;
  safe.reserve(fields.size());
  for (const auto& f : fields) safe.push_back(spreadsheet_cell(f));
  return csv_line(safe);
}

}  // namespace rapport
