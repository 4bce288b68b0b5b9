#include "print/cups_queue.hpp"

#include <cups/cups.h>
#include <fmt/format.h>

namespace rapport::print {

namespace {
std::string server_name() {
  const char* s = cupsServer();
  return s && *s ? s : "localhost";
}

std::string last_error() {
  const char* m = cupsLastErrorString();
  return m && *m ? m : "no reason given";
}

bool unreachable() {
  ipp_status_t st = cupsLastError();
  return st == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || st == IPP_STATUS_ERROR_INTERNAL;
}
}  // namespace

Status check_queue(const std::string& queue) {
  if (queue.empty()) return make_error("no printer queue is set ([print] queue or --print QUEUE)");
  cups_dest_t* dest = cupsGetNamedDest(CUPS_HTTP_DEFAULT, queue.c_str(), nullptr);
  if (dest) {
    cupsFreeDests(1, dest);
    return {};
  }
  if (unreachable())
    return make_error(fmt::format("cannot reach CUPS at {} ({}); is cupsd running?", server_name(), last_error()));
  return make_error(fmt::format("CUPS at {} has no printer queue '{}'", server_name(), queue));
}

Result<int> submit_pdf(const std::string& queue, const std::string& pdf_path, const std::string& title) {
  RAPPORT_TRY(check_queue(queue));
  cups_option_t* options = nullptr;
  int n = 0;
  n = cupsAddOption("document-format", "application/pdf", n, &options);
  int job = cupsPrintFile(queue.c_str(), pdf_path.c_str(), title.c_str(), n, options);
  cupsFreeOptions(n, options);
  if (job <= 0)
    return make_error(fmt::format("CUPS refused the badge for '{}': {}", queue, last_error()));
  return job;
}

}  // namespace rapport::print
