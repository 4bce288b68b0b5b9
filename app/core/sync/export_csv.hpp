#pragma once
// The organizer's spreadsheets: attendees.csv, checkins.csv, connections.csv and a
// summary.csv of counts. UTF-8, a header row, RFC 4180 quoting, CRLF line ends; with
// `excel` a byte-order mark so that Excel reads the UTF-8 right.
//
// Only consented data leaves: a person who did not consent (or was forgotten) is in no
// row, only in the counts of summary.csv; a connection is listed only when both people
// consented.
#include <string>
#include <vector>

#include "core/store/sqlite.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct CsvExportOptions {
  bool excel = false;
};

struct CsvExportReport {
  std::vector<std::string> files;
  int64_t attendees_listed = 0, attendees_not_listed = 0;
  int64_t checkins_listed = 0, checkins_not_listed = 0;
  int64_t connections_listed = 0, connections_not_listed = 0;
};

// Writes the files into `dir` (created when missing), all or none.
Result<CsvExportReport> export_csv(Db& db, const std::string& dir, CsvExportOptions options = {});

// "a; b; c": how lists of tags read in one spreadsheet cell.
std::string join_labels(const std::vector<std::string>& labels);

}  // namespace rapport
