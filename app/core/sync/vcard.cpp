#include "core/sync/vcard.hpp"

namespace rapport {

std::string vcard_escape(const std::string& value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    char ch = value[i];
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case ',': out += "\\,"; break;
      case ';': out += "\\;"; break;
      case '\r':
        if (i + 1 < value.size() && value[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default: out += ch;
    }
  }
  return out;
}

namespace {
// RFC 6350 3.2: lines longer than 75 octets are folded with CRLF and one space; a fold
// never splits a UTF-8 sequence.
std::string folded(const std::string& line) {
  std::string out;
  size_t width = 0;
  for (size_t i = 0; i < line.size();) {
    size_t len = 1;
    auto ch = static_cast<unsigned char>(line[i]);
    if (ch >= 0xF0) len = 4;
    else if (ch >= 0xE0) len = 3;
    else if (ch >= 0xC0) len = 2;
    if (i + len > line.size()) len = line.size() - i;
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line, i, len);
    width += len;
    i += len;
  }
  return out + "\r\n";
}
}  // namespace

std::string vcard(const VCardContact& c) {
  std::string full = c.first_name;
  if (!c.last_name.empty()) full += (full.empty() ? "" : " ") + c.last_name;
  std::string out = "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\n";
  out += folded("FN:" + vcard_escape(full));
  out += folded("N:" + vcard_escape(c.last_name) + ";" + vcard_escape(c.first_name) + ";;;");
  if (!c.email.empty()) out += folded("EMAIL;TYPE=work:" + vcard_escape(c.email));
  if (!c.company.empty()) out += folded("ORG:" + vcard_escape(c.company));
  if (!c.title.empty()) out += folded("TITLE:" + vcard_escape(c.title));
  if (!c.note.empty()) out += folded("NOTE:" + vcard_escape(c.note));
  out += "END:VCARD\r\n";
  return out;
}

}  // namespace rapport
