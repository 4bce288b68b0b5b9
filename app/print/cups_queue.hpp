#pragma once
// The door's printer: a CUPS queue, reached through libcups (which honours CUPS_SERVER,
// ~/.cups/client.conf and /etc/cups/client.conf, as lp does). The only code that links
// libcups.
#include <string>

#include "core/util/result.hpp"

namespace rapport::print {

// Whether CUPS answers and knows the queue; the error is a line staff can act on
// ("cannot reach CUPS at localhost:631", "CUPS has no printer queue 'door'").
Status check_queue(const std::string& queue);

// Sends a PDF to the queue; returns the CUPS job id. Fails (never blocks for long) when
// CUPS or the queue is missing.
Result<int> submit_pdf(const std::string& queue, const std::string& pdf_path, const std::string& title);

}  // namespace rapport::print
