#pragma once
// vCard 4.0 (RFC 6350) for the contacts people made: only what the person consented to
// share (name, email, company, title) and a note of where they met.
#include <string>

namespace rapport {

struct VCardContact {
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string company;
  std::string title;
  std::string note;
};

// One BEGIN:VCARD ... END:VCARD block, CRLF lines folded at 75 octets.
std::string vcard(const VCardContact& c);
// Escapes a text value: backslash, comma, semicolon and line breaks.
std::string vcard_escape(const std::string& value);

}  // namespace rapport
