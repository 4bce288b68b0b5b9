#include "cli/terminal_text.hpp"

#include <fmt/format.h>

#include <iostream>

namespace rapport::cli {

namespace {

bool is_c0(unsigned char c) { return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F; }

// A streambuf that escapes what it forwards. A lone 0xC2 is held back one byte: with the
// next byte it may be a C1 control (C2 80..C2 9F).
class EscapingBuf : public std::streambuf {
 public:
  explicit EscapingBuf(std::streambuf* out) : out_(out) {}
  ~EscapingBuf() override { flush_pending(); }
  std::streambuf* target() const { return out_; }

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    put(static_cast<unsigned char>(ch));
    return ch;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) put(static_cast<unsigned char>(s[i]));
    return n;
  }
  int sync() override {
    flush_pending();
    return out_->pubsync();
  }

 private:
  void raw(std::string_view s) { out_->sputn(s.data(), static_cast<std::streamsize>(s.size())); }
  void flush_pending() {
    if (pending_) raw("\xC2");
    pending_ = false;
  }
  void put(unsigned char c) {
    if (pending_) {
      pending_ = false;
      if (c >= 0x80 && c <= 0x9F) {
        raw(fmt::format("\\u{:04x}", c));
        return;
      }
      raw("\xC2");
    }
    if (c == 0xC2) {
      pending_ = true;
    } else if (is_c0(c)) {
      raw(fmt::format("\\u{:04x}", c));
    } else {
      char b = static_cast<char>(c);
      out_->sputn(&b, 1);
    }
  }
  std::streambuf* out_;
  bool pending_ = false;
};

}  // namespace

std::string escape_controls(std::string_view s, bool one_line) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[++i]));
    } else if (is_c0(c) || (one_line && (c == '\n' || c == '\t'))) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

struct TerminalGuard::Impl {
  EscapingBuf out{std::cout.rdbuf()};
  EscapingBuf err{std::cerr.rdbuf()};
};

TerminalGuard::TerminalGuard() : impl_(std::make_unique<Impl>()) {
  std::cout.rdbuf(&impl_->out);
  std::cerr.rdbuf(&impl_->err);
}

TerminalGuard::~TerminalGuard() {
  std::cout.flush();
  std::cerr.flush();
  std::cout.rdbuf(impl_->out.target());
  std::cerr.rdbuf(impl_->err.target());
}

}  // namespace rapport::cli
