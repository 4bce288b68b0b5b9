#pragma once
// How big the parts of a person may be: a roster import refuses a bigger row with its
// file:line, and a kiosk refuses a bigger row pulled from the hub (core/sync/pulled_rows).
#include <chrono>
#include <cstddef>
#include <string>

#include "core/util/result.hpp"

namespace rapport {

struct RowLimits {
  size_t id = 128;        // attendee ids, suggestion ids
  size_t name = 256;      // first_name, last_name
  size_t email = 254;     // RFC 5321's limit for a path
  size_t company = 256;   // company, title
  size_t code = 512;      // a badge or ticket code (a scan is at most 2 KB)
  size_t kiosk = 128;     // kiosk ids
  size_t kiosks = 4096;   // a connection's list of kiosks
  size_t tag = 128;       // a tag's key or label
  size_t tags = 64;       // tag links of one person
  size_t timestamp = 64;  // an ISO-8601 time (with room for a logical-clock suffix)
  size_t hash = 128;      // a tombstone's e-mail hash
  std::chrono::hours future{24};  // how far ahead of this kiosk's clock a time may be
};

struct Attendee;
// Empty when `a` fits the limits; else what is too big ("first_name is 300 bytes (at most 256)").
std::string oversized_part(const Attendee& a, const RowLimits& limits = {});

}  // namespace rapport
