#include "scan/keyboard_wedge.hpp"

namespace rapport {

namespace {
size_t code_points(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

KeyboardWedge::KeyboardWedge(WedgeOptions options) : options_(std::move(options)) {}

std::optional<std::string> KeyboardWedge::feed(const std::string& utf8_char, TimePoint t) {
  // A gap longer than a scanner ever leaves means a person is typing: what came before is
  // not part of a scan, and this key may start one.
  if (!buffer_.empty() && t - last_ > options_.max_gap) buffer_.clear();
  fast_ = !buffer_.empty();
  buffer_ += utf8_char;
  last_ = t;
  if (options_.suffix.empty() || !ends_with(buffer_, options_.suffix)) return std::nullopt;
  std::string body = buffer_.substr(0, buffer_.size() - options_.suffix.size());
  buffer_.clear();
  fast_ = false;
  if (code_points(body) < static_cast<size_t>(options_.min_length)) return std::nullopt;
  return body;
}

std::optional<std::string> KeyboardWedge::poll(TimePoint t) {
  if (buffer_.empty()) return std::nullopt;
  if (options_.suffix.empty()) {
    if (t - last_ < options_.end_pause) return std::nullopt;
    std::string body = std::move(buffer_);
    buffer_.clear();
    fast_ = false;
    if (code_points(body) < static_cast<size_t>(options_.min_length)) return std::nullopt;
    return body;
  }
  // With a suffix, a burst that stopped without it was typing after all.
  if (t - last_ > options_.max_gap * 4) {
    buffer_.clear();
    fast_ = false;
  }
  return std::nullopt;
}

bool KeyboardWedge::in_burst() const { return fast_ && !buffer_.empty(); }

}  // namespace rapport
