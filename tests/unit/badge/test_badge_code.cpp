#include <gtest/gtest.h>

#include <set>

#include "core/badge/badge_code.hpp"
#include "core/badge/contact_card.hpp"
#include "core/checkin/checkin.hpp"
#include "core/checkin/resolve.hpp"
#include "core/roster/import.hpp"
#include "scan/qr_codec.hpp"
#include "../support/temp_dir.hpp"

using namespace rapport;
using rapport::test::TempDir;

namespace {

Store store_with(const TempDir& dir, const std::string& roster, RosterFormat format = RosterFormat::automatic) {
  auto s = Store::create(dir.file("event.sqlite"), EventInfo{"DevConf", "2026-11-21", "door-1"});
  EXPECT_TRUE(s.ok()) << s.error().to_string();
  auto r = import_roster_file(*s, std::string(RAPPORT_TEST_DATA) + "/" + roster, format, ImportMapping{});
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return std::move(s.value());
}

std::string badge_of(Store& s, const std::string& id) {
  auto c = active_badge_code(s.db(), id);
  EXPECT_TRUE(c.ok() && c->has_value()) << id;
  return c.ok() && c->has_value() ? **c : std::string();
}

ScanResolution resolve(Store& s, std::string_view text) {
  auto r = resolve_scan(s.db(), text);
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return r.ok() ? *r : ScanResolution{};
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

TEST(BadgeCode, IsPrefixAnd26Base32CharactersFromTheCsprng) {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    std::string c = new_badge_code();
    ASSERT_EQ(c.size(), 31u);
    ASSERT_EQ(c.substr(0, 5), "RPT1:");
    for (char ch : c.substr(5)) ASSERT_TRUE((ch >= 'A' && ch <= 'Z') || (ch >= '2' && ch <= '7')) << c;
    ASSERT_EQ(normalize_badge_code(c), c);
    seen.insert(c);
  }
  EXPECT_EQ(seen.size(), 2000u);  // 128 bits: a repeat would mean a broken generator
}

TEST(BadgeCode, StaysInQrAlphanumericModeAtVersion2) {
  // Version 2 is 25 modules; byte mode would need version 3 at ECC M.
  auto m = encode_qr(new_badge_code(), QrEcc::M);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->size, 25);
  auto q = encode_qr(new_badge_code(), QrEcc::Q);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->size, 29);
}

TEST(BadgeCode, NormalizeToleratesCaseAndAMissingPrefixOnly) {
  std::string c = new_badge_code();
  EXPECT_EQ(normalize_badge_code(lower(c)), c);
  EXPECT_EQ(normalize_badge_code(c.substr(5)), c);
  EXPECT_EQ(normalize_badge_code(lower(c.substr(5))), c);
  EXPECT_EQ(normalize_badge_code("  " + c + "\n"), c);
  EXPECT_FALSE(normalize_badge_code(c.substr(0, 30)));                 // one short
  EXPECT_FALSE(normalize_badge_code(c + "A"));                         // one long
  EXPECT_FALSE(normalize_badge_code("RPT2:" + c.substr(5)));           // other prefix
  std::string with_zero = c;
  with_zero[10] = '0';                                                 // not base32
  EXPECT_FALSE(normalize_badge_code(with_zero));
  std::string bad_tail = c;
  bad_tail.back() = 'B';  // a 128-bit value never ends in B (its padding bits would be set)
  EXPECT_FALSE(normalize_badge_code(bad_tail));
}

TEST(BadgeCode, ImportGivesEveryAttendeeOneAndEnsureIsIdempotent) {
  TempDir dir;
  auto s = store_with(dir, "roster_native.csv");
  EXPECT_EQ(*s.db().scalar_int("SELECT count(*) FROM attendee_codes WHERE kind = 'badge'"), 5);
  EXPECT_EQ(*s.db().scalar_int("SELECT count(DISTINCT attendee_id) FROM attendee_codes WHERE kind = 'badge'"), 5);
  auto again = ensure_badge_codes(s);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0u);
  std::string before = badge_of(s, "A1");
  // Re-importing the same roster keeps the codes people already printed.
  auto r = import_roster_file(s, std::string(RAPPORT_TEST_DATA) + "/roster_native.csv", RosterFormat::automatic, ImportMapping{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(badge_of(s, "A1"), before);
  EXPECT_EQ(*s.db().scalar_int("SELECT count(*) FROM attendee_codes WHERE kind = 'badge'"), 5);
}

TEST(BadgeCode, LostBadgeIsRevokedAndReissuedForTheSamePerson) {
  TempDir dir;
  auto s = store_with(dir, "roster_native.csv");
  std::string old_code = badge_of(s, "A1");
  auto fresh = reissue_badge(s, "A1");
  ASSERT_TRUE(fresh.ok()) << fresh.error().to_string();
  EXPECT_NE(*fresh, old_code);
  EXPECT_EQ(badge_of(s, "A1"), *fresh);

  auto old_res = resolve(s, old_code);
  EXPECT_EQ(old_res.match, ScanMatch::revoked);
  EXPECT_EQ(old_res.attendee_id, "A1");
  auto lowered = resolve(s, lower(old_code));  // spelled loosely, still refused
  EXPECT_EQ(lowered.match, ScanMatch::revoked);

  auto refused = checkin_scan(s, old_code);
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->outcome, CheckinOutcome::unknown_code);
  EXPECT_EQ(refused->reason, "this badge was replaced by a new one");
  EXPECT_FALSE(refused->attendee);

  auto ok = checkin_scan(s, *fresh);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->outcome, CheckinOutcome::checked_in);
  EXPECT_EQ(ok->attendee->id, "A1");

  EXPECT_FALSE(reissue_badge(s, "NOBODY").ok());
}

TEST(Resolve, OurBadgeCodeInAnySpelling) {
  TempDir dir;
  auto s = store_with(dir, "roster_native.csv");
  std::string code = badge_of(s, "A2");
  for (std::string text : {code, lower(code), code.substr(5), lower(code.substr(5)), code + "\r\n"}) {
    auto r = resolve(s, text);
    EXPECT_EQ(r.match, ScanMatch::attendee) << text;
    EXPECT_EQ(r.attendee_id, "A2") << text;
    EXPECT_EQ(r.code_kind, CodeKind::badge) << text;
  }
  // The right shape but nobody's code.
  EXPECT_EQ(resolve(s, new_badge_code()).match, ScanMatch::unknown);
  EXPECT_EQ(resolve(s, new_badge_code()).detail, "not a badge of this event");
}

TEST(Resolve, LooseBadgeSpellingNeverMatchesAnotherKindOfCode) {
  TempDir dir;
  auto s = store_with(dir, "roster_native.csv");
  // A ticket code that happens to look like a prefix-less badge body is matched exactly only.
  std::string body = new_badge_code().substr(5);
  ASSERT_TRUE(s.db().exec("INSERT INTO attendee_codes (code, attendee_id, kind, kiosk_id, created_at) VALUES ('" + body +
                          "', 'A3', 'ticket_code', 'k', 'now')").ok());
  EXPECT_EQ(resolve(s, body).attendee_id, "A3");
  EXPECT_EQ(resolve(s, "RPT1:" + body).match, ScanMatch::unknown);
}

TEST(Resolve, PretixTicketSecret) {
  TempDir dir;
  auto s = store_with(dir, "pretix.csv");
  auto r = resolve(s, "k8ay3w9qxb6mtpkjcq6fudm7rdzk9g5s");
  EXPECT_EQ(r.match, ScanMatch::attendee);
  EXPECT_EQ(r.code_kind, CodeKind::ticket_secret);
  auto person = load_attendee(s.db(), r.attendee_id);
  ASSERT_TRUE(person.ok() && person->has_value());
  EXPECT_EQ((*person)->first_name, "Dmitro");
}

// Issue 16, finding 7: the barcode is a secret and names its holder; the attendee number
// counts up (anyone can guess 2003 after 2002) and names nobody at a scanner.
TEST(Resolve, EventbriteBarcodeYesAttendeeNumberNo) {
  TempDir dir;
  auto s = store_with(dir, "eventbrite.csv");
  auto bc = resolve(s, "200100001001");
  EXPECT_EQ(bc.match, ScanMatch::attendee);
  EXPECT_EQ(bc.code_kind, CodeKind::barcode);
  auto num = resolve(s, "2002");
  EXPECT_EQ(num.match, ScanMatch::unknown);
  EXPECT_TRUE(num.attendee_id.empty());
}

// Issue 16, finding 7: anyone who knows an e-mail can make a vCard or MECARD with it; a
// contact card names nobody, even when its e-mail is an attendee's.
TEST(Resolve, VCardAndMecardNameNobody) {
  TempDir dir;
  auto s = store_with(dir, "roster_native.csv");
  for (std::string card : {std::string("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nguyen;Thao\r\nFN:Thao Nguyen\r\n"
                                       "EMAIL;TYPE=INTERNET,WORK:THAO@example.org\r\nEND:VCARD\r\n"),
                           std::string("BEGIN:VCARD\nVERSION:4.0\nitem1.EMAIL:fang@exam\n ple.org\nEND:VCARD"),
                           std::string("MECARD:N:Kowalski,Lukasz;TEL:+48123;EMAIL:lukasz@example.org;;"),
                           std::string("MECARD:N:Doe,Jane;EMAIL:jane@elsewhere.org;;"),
                           std::string("BEGIN:VCARD\nFN:Thao\nEND:VCARD")}) {
    auto r = resolve(s, card);
    EXPECT_EQ(r.match, ScanMatch::unknown) << card;
    EXPECT_TRUE(r.attendee_id.empty()) << card;
    EXPECT_NE(r.detail.find("contact card"), std::string::npos) << r.detail;
  }
}

TEST(ContactCard, MecardEscapesAndVcardMailto) {
  auto m = parse_contact_card("MECARD:N:O\\;Neill;EMAIL:bob\\:x@example.org;EMAIL:second@example.org;;");
  EXPECT_EQ(m.kind, CardKind::mecard);
  ASSERT_EQ(m.emails.size(), 2u);
  EXPECT_EQ(m.emails[0], "bob:x@example.org");
  auto v = parse_contact_card("begin:vcard\nemail:mailto:a@b.org\nEND:VCARD");
  EXPECT_EQ(v.kind, CardKind::vcard);
  ASSERT_EQ(v.emails.size(), 1u);
  EXPECT_EQ(v.emails[0], "a@b.org");
  EXPECT_EQ(parse_contact_card("https://example.org").kind, CardKind::none);
}

TEST(Resolve, AnythingElseIsNotABadgeOfThisEvent) {
  TempDir dir;
  auto s = store_with(dir, "roster_native.csv");
  for (std::string text : {"https://example.org/ticket/123", "hello", "T-9999", "RPT1:"}) {
    auto r = resolve(s, text);
    EXPECT_EQ(r.match, ScanMatch::unknown) << text;
    EXPECT_EQ(r.detail, "not a badge of this event") << text;
  }
}

TEST(Resolve, BadInputsAreRejectedCleanly) {
  TempDir dir;
  auto s = store_with(dir, "roster_native.csv");
  struct Case {
    std::string text, why;
  } cases[] = {
      {std::string(2049, 'A'), "far too long to be a badge"},
      {std::string("RPT1:\x01\x02"), "contains control characters"},
      {std::string("T-0001\x7f"), "contains control characters"},
      {std::string("\xff\xfe"), "not text (invalid UTF-8)"},
      {std::string("\xc3\x28"), "not text (invalid UTF-8)"},
      {"", "nothing was read"},
      {"   \n", "nothing was read"},
  };
  for (const auto& c : cases) {
    auto r = resolve(s, c.text);
    EXPECT_EQ(r.match, ScanMatch::invalid) << c.why;
    EXPECT_EQ(r.detail, c.why);
  }
  // 2 KB exactly is still looked at (and is simply unknown).
  EXPECT_EQ(resolve(s, std::string(2048, 'A')).match, ScanMatch::unknown);
  // A vCard with a huge body is refused before parsing.
  EXPECT_EQ(resolve(s, "BEGIN:VCARD\nEMAIL:thao@example.org\nNOTE:" + std::string(3000, 'x') + "\nEND:VCARD").match,
            ScanMatch::invalid);
}
