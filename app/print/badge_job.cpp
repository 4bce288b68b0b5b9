#include "print/badge_job.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "print/cups_queue.hpp"

namespace rapport::print {

Result<int> print_badge(const BadgeContent& badge, const PrintSettings& settings) {
  RAPPORT_TRY(check_queue(settings.queue));  // before rendering: an offline printer answers fast
  std::error_code ec;
  auto dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  std::string pattern = (dir / "rapport-badge-XXXXXX").string();
  int fd = mkstemp(pattern.data());  // 0600: the badge names a person
  if (fd < 0) return make_error("cannot create a temporary file for the badge", dir.string());
  close(fd);
  std::string pdf = pattern + ".pdf";
  std::filesystem::rename(pattern, pdf, ec);
  if (ec) {
    std::filesystem::remove(pattern, ec);
    return make_error("cannot create a temporary file for the badge", dir.string());
  }
  auto written = write_badge_label(badge, settings.label, pdf);
  Result<int> job = written ? submit_pdf(settings.queue, pdf, fmt::format("Badge {}", badge.first_name))
                            : Result<int>(written.error());
  std::filesystem::remove(pdf, ec);
  return job;
}

}  // namespace rapport::print
