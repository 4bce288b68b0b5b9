// libFuzzer: whatever a camera or a USB scanner hands us is resolved (or refused)
// without crashing, against an event with badge codes, ticket codes and emails.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "core/checkin/checkin.hpp"
#include "core/checkin/resolve.hpp"
#include "core/roster/import.hpp"
#include "core/store/store.hpp"

namespace {
rapport::Store* event() {
  static std::unique_ptr<rapport::Store> store = [] {
    auto s = rapport::Store::create(":memory:", rapport::EventInfo{"Fuzz", "", "fuzz"});
    if (!s) __builtin_trap();
    auto roster = rapport::parse_roster(
        "id,first_name,last_name,email,consent,ticket_code\n"
        "A1,Ana,Silva,ana@example.org,yes,T-0001\n"
        "A2,Thảo,Nguyễn,thao@example.org,no,k8ay3w9qxb6mtpkjcq6fudm7rdzk9g5s\n",
        "seed.csv", rapport::RosterFormat::native, {});
    if (!roster || !rapport::import_roster(*s, std::move(roster.value()))) __builtin_trap();
    return std::make_unique<rapport::Store>(std::move(s.value()));
  }();
  return store.get();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = rapport::resolve_scan(event()->db(), text);
  if (!r) __builtin_trap();  // resolving never fails on input, only on storage
  if (r->match == rapport::ScanMatch::attendee && r->attendee_id.empty()) __builtin_trap();
  if (size > rapport::kMaxScanBytes && r->match != rapport::ScanMatch::invalid) __builtin_trap();
  return 0;
}
