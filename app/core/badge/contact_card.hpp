#pragma once
// Contact cards printed as QR codes on other people's badges (vCard 2.1/3.0/4.0, MECARD):
// Rapport only ever reads the e-mail addresses out of them, to find the attendee.
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

enum class CardKind { none, vcard, mecard };

struct ContactCard {
  CardKind kind = CardKind::none;
  std::vector<std::string> emails;  // as written, trimmed, in card order
};

// Recognises a vCard ("BEGIN:VCARD" ... ) or a MECARD ("MECARD:...;;"); kind none otherwise.
ContactCard parse_contact_card(std::string_view text);

}  // namespace rapport
