#include "print/cups_queue.hpp"

#include <cups/cups.h>
#include <fmt/format.h>

namespace rapport::print {

namespace {
std::string server_name() {
  const char* s = cupsServer();
  std::string name = s && *s ? s : "localhost";
  if (!name.empty() && name[0] != '/') name += fmt::format(":{}", ippPort());
  return name;
}

std::string last_error() {
  const char* m = cupsLastErrorString();
  return m && *m ? m : "no reason given";
}

}  // namespace

Status check_queue(const std::string& queue) {
  if (queue.empty()) return make_error("no printer queue is set ([print] queue or --print QUEUE)");
  // Connect first (5 s at most), so "no CUPS" and "no such queue" are told apart.
  http_t* http = httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1, 5000, nullptr);
  if (!http) return make_error(fmt::format("cannot reach CUPS at {}; is cupsd running?", server_name()));
  cups_dest_t* dest = cupsGetNamedDest(http, queue.c_str(), nullptr);
  httpClose(http);
  if (dest) {
    cupsFreeDests(1, dest);
    return {};
  }
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
