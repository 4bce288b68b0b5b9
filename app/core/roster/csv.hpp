#pragma once
// CSV records with the line each one starts on, so that every complaint about a roster
// can say FILE:LINE. Parsing is libcsv's (strict mode, RFC 4180 quoting); we add BOM
// handling, UTF-8 validation and line numbers.
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"

namespace rapport {

struct CsvRecord {
  size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Parses a whole CSV document. `name` is used in error locations ("roster.csv:12").
Result<std::vector<CsvRecord>> parse_csv(std::string_view data, const std::string& name);

// One CSV field, quoted when it needs to be (RFC 4180).
std::string csv_field(std::string_view value);
// A full CSV line (with CRLF, as RFC 4180 asks) from fields.
std::string csv_line(const std::vector<std::string>& fields);

// A cell a spreadsheet must read as text, never as a formula (OWASP "CSV injection"): a
// value whose first character (after spaces) is = + - @ (or their full-width forms), a
// tab or a carriage return gets a leading '. Every CSV export uses these.
std::string spreadsheet_cell(std::string_view value);
// csv_line of spreadsheet_cell of each field.
std::string spreadsheet_line(const std::vector<std::string>& fields);

}  // namespace rapport
