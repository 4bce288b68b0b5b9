#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/roster/csv.hpp"
#include "core/sync/export_csv.hpp"
#include "core/sync/followups.hpp"
#include "core/sync/vcard.hpp"
#include "core/util/text.hpp"
#include "event_fixture.hpp"

using namespace rapport;
using namespace rapport::test;
namespace fs = std::filesystem;

namespace {

// A small event with names that break naive writers, and one person who did not consent.
Store tricky_event(const std::string& path) {
  Store s = make_kiosk(path, "door", 10);
  auto w = s.db().write([&]() -> Status {
    RAPPORT_TRY(s.db().exec(
        "UPDATE attendees SET first_name = 'Ana \"AJ\"', last_name = 'García, Jr.', company = '<script>alert(1)</script>', "
        "title = 'Line one\nLine two', consent = 1 WHERE id = 'A00001'"));
    RAPPORT_TRY(s.db().exec("UPDATE attendees SET consent = 1 WHERE id IN ('A00002', 'A00004')"));
    RAPPORT_TRY(s.db().exec(
        "UPDATE attendees SET consent = 0, first_name = 'Hidden', email = 'hidden@example.org' WHERE id = 'A00003'"));
    RAPPORT_TRY(s.db().exec("INSERT OR IGNORE INTO tags VALUES ('ux mentoring', 'UX mentoring')"));
    RAPPORT_TRY(s.db().exec("DELETE FROM attendee_tags WHERE attendee_id IN ('A00001', 'A00002')"));
    RAPPORT_TRY(s.db().exec("INSERT INTO attendee_tags VALUES ('A00001', 'looking_for', 'ux mentoring')"));
    return s.db().exec("INSERT INTO attendee_tags VALUES ('A00002', 'can_help_with', 'ux mentoring')");
  });
  EXPECT_TRUE(w.ok()) << w.error().to_string();
  checkin(s, 1, "2026-11-21T09:00:00.000Z");
  checkin(s, 3, "2026-11-21T09:01:00.000Z");
  connect(s, 1, 2, "2026-11-21T10:00:00.000Z");
  connect(s, 1, 3, "2026-11-21T10:05:00.000Z");
  connect(s, 2, 4, "2026-11-21T10:10:00.000Z");
  return s;
}

std::vector<CsvRecord> parse_back(const std::string& path) {
  auto recs = parse_csv(read_file(path), path);
  EXPECT_TRUE(recs.ok()) << recs.error().to_string();
  return recs ? recs.value() : std::vector<CsvRecord>{};
}

}  // namespace

TEST(ExportCsv, ParsesBackAndLeavesOutWhoDidNotConsent) {
  TempDir dir;
  Store s = tricky_event(dir.file("door.sqlite"));
  std::string out = dir.file("csv");
  auto r = export_csv(s.db(), out);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->files.size(), 4u);

  auto people = parse_back(out + "/attendees.csv");
  ASSERT_GE(people.size(), 2u);
  EXPECT_EQ(people[0].fields[0], "id");
  bool found = false;
  for (const auto& rec : people) {
    ASSERT_EQ(rec.fields.size(), people[0].fields.size());
    EXPECT_NE(rec.fields[0], "A00003");
    if (rec.fields[0] == "A00001") {
      found = true;
      EXPECT_EQ(rec.fields[1], "Ana \"AJ\"");
      EXPECT_EQ(rec.fields[2], "García, Jr.");
      EXPECT_EQ(rec.fields[5], "Line one\nLine two");
      EXPECT_EQ(rec.fields[9], "UX mentoring");
      EXPECT_EQ(rec.fields[11], "2026-11-21T09:00:00.000Z");
      EXPECT_EQ(rec.fields[12], "2");
    }
  }
  EXPECT_TRUE(found);
  auto conns = parse_back(out + "/connections.csv");
  ASSERT_EQ(conns.size(), 3u);  // header + 1-2 + 2-4; 1-3 involves someone who did not consent
  EXPECT_EQ(conns[1].fields[1], "A00001");
  EXPECT_EQ(conns[1].fields[3], "A00002");
  EXPECT_EQ(r->connections_not_listed, 1);
  auto checkins = parse_back(out + "/checkins.csv");
  ASSERT_EQ(checkins.size(), 2u);
  EXPECT_EQ(r->checkins_not_listed, 1);
  for (const auto& f : fs::directory_iterator(out)) {
    std::string text = read_file(f.path().string());
    EXPECT_EQ(text.find("Hidden"), std::string::npos) << f.path();
    EXPECT_EQ(text.find("hidden@example.org"), std::string::npos) << f.path();
    EXPECT_NE(text.substr(0, 3), "\xEF\xBB\xBF");
  }
  auto summary = parse_back(out + "/summary.csv");
  ASSERT_EQ(summary.size(), 4u);
  EXPECT_EQ(summary[3].fields, (std::vector<std::string>{"connections", "2", "1"}));
}

TEST(ExportCsv, ExcelGetsAByteOrderMark) {
  TempDir dir;
  Store s = tricky_event(dir.file("door.sqlite"));
  ASSERT_TRUE(export_csv(s.db(), dir.file("xl"), {true}).ok());
  std::string text = read_file(dir.file("xl/attendees.csv"));
  EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(text.substr(3, 3), "id,");
  EXPECT_NE(text.find("\r\n"), std::string::npos);
}

TEST(ExportCsv, ABadFolderIsAnErrorAndNothingIsWritten) {
  TempDir dir;
  Store s = tricky_event(dir.file("door.sqlite"));
  auto r = export_csv(s.db(), dir.file("no/such/parent/csv"));
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(fs::exists(dir.file("no")));
  std::string file = dir.write("taken", "mine");
  auto r2 = export_csv(s.db(), file);
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.error().message.find("not a folder"), std::string::npos);
  EXPECT_EQ(read_file(file), "mine");
}

TEST(Followups, PacksListConsentedPeopleAndOfferHelp) {
  TempDir dir;
  Store s = tricky_event(dir.file("door.sqlite"));
  auto packs = build_followups(s.db());
  ASSERT_TRUE(packs.ok()) << packs.error().to_string();
  // 1, 2 and 4 consented and met someone; 3 did not consent and gets no pack.
  ASSERT_EQ(packs->size(), 3u);
  const FollowupPack& p2 = (*packs)[1];
  EXPECT_EQ(p2.me.id, "A00002");
  ASSERT_EQ(p2.people.size(), 2u);
  const MetPerson& ana = p2.people[0];
  EXPECT_EQ(ana.person.id, "A00001");
  ASSERT_EQ(ana.you_can_help_with.size(), 1u);
  EXPECT_EQ(ana.you_can_help_with[0], "UX mentoring");
  EXPECT_NE(ana.first_line.find("UX mentoring"), std::string::npos);
  EXPECT_NE(ana.first_line.find("glad to share"), std::string::npos);
  const FollowupPack& p1 = (*packs)[0];
  EXPECT_EQ(p1.people.size(), 1u);
  EXPECT_EQ(p1.others_met, 1);  // person 3, only as a count
  EXPECT_NE(p1.people[0].first_line.find("Hi "), std::string::npos);
}

TEST(Followups, FilesAreEscapedAndParseBack) {
  TempDir dir;
  Store s = tricky_event(dir.file("door.sqlite"));
  std::string out = dir.file("followups");
  auto r = export_followups(s.db(), out);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->packs, 3);
  EXPECT_EQ(r->not_listed, 1);
  auto index = parse_back(out + "/index.csv");
  ASSERT_EQ(index.size(), 4u);
  EXPECT_EQ(index[2].fields[0], "A00002");
  std::string stem = index[2].fields[5].substr(0, index[2].fields[5].size() - 4);

  std::string html = read_file(out + "/" + index[2].fields[6]);
  EXPECT_NE(html.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Ana &quot;AJ&quot; García, Jr."), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);

  auto rows = parse_back(out + "/" + index[2].fields[5]);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields[0], "Ana \"AJ\" García, Jr.");
  EXPECT_EQ(rows[1].fields[6], "UX mentoring");

  std::string vcf = read_file(out + "/" + index[2].fields[7]);
  EXPECT_EQ(vcf.rfind("BEGIN:VCARD\r\nVERSION:4.0\r\n", 0), 0u);
  EXPECT_NE(vcf.find("FN:Ana \"AJ\" García\\, Jr.\r\n"), std::string::npos);
  EXPECT_NE(vcf.find("N:García\\, Jr.;Ana \"AJ\";;;\r\n"), std::string::npos);
  EXPECT_NE(vcf.find("TITLE:Line one\\nLine two\r\n"), std::string::npos);
  size_t cards = 0;
  for (size_t p = vcf.find("END:VCARD"); p != std::string::npos; p = vcf.find("END:VCARD", p + 1)) ++cards;
  EXPECT_EQ(cards, 2u);
  // No one who did not consent, anywhere.
  for (const auto& f : fs::directory_iterator(out)) {
    std::string text = read_file(f.path().string());
    EXPECT_EQ(text.find("Hidden"), std::string::npos) << f.path();
    EXPECT_EQ(text.find("hidden@example.org"), std::string::npos) << f.path();
  }
  EXPECT_NE(read_file(out + "/" + index[1].fields[6]).find("1 person who chose not to share"), std::string::npos);
}

TEST(Followups, NoEmptyVCardWhenEveryoneTheyMetChoseNotToShare) {
  TempDir dir;
  Store s = tricky_event(dir.file("door.sqlite"));
  ASSERT_TRUE(s.db().exec("UPDATE attendees SET consent = 1 WHERE id = 'A00005'").ok());
  connect(s, 5, 3, "2026-11-21T10:20:00.000Z");
  std::string out = dir.file("followups");
  auto r = export_followups(s.db(), out);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->packs, 4);
  auto index = parse_back(out + "/index.csv");
  auto row = std::find_if(index.begin(), index.end(), [](const auto& l) { return l.fields[0] == "A00005"; });
  ASSERT_NE(row, index.end());
  EXPECT_EQ(row->fields[3], "1");
  EXPECT_EQ(row->fields[4], "0");
  EXPECT_EQ(row->fields[7], "");
  std::string stem = row->fields[5].substr(0, row->fields[5].size() - 4);
  EXPECT_FALSE(fs::exists(out + "/" + stem + ".vcf"));
  EXPECT_NE(read_file(out + "/" + row->fields[6]).find("1 person who chose not to share"), std::string::npos);
  for (const auto& l : index) {
    if (l.fields[0] != "attendee_id" && l.fields[4] != "0") {
      EXPECT_TRUE(fs::exists(out + "/" + l.fields[7])) << l.fields[0];
    }
  }
}

TEST(VCard, LongLinesFoldWithoutSplittingCharacters) {
  std::string note;
  for (int i = 0; i < 40; ++i) note += "Łódź ";
  std::string card = vcard({"Zofia", "Wójcik", "z@example.org", "", "", note});
  size_t start = 0;
  while (start < card.size()) {
    size_t end = card.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    std::string line = card.substr(start, end - start);
    EXPECT_LE(line.size(), 75u);
    EXPECT_TRUE(is_valid_utf8(line)) << line;
    start = end + 2;
  }
  // Unfolding gives back the value.
  std::string unfolded;
  for (size_t i = 0; i < card.size(); ++i) {
    if (card.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += card[i];
  }
  EXPECT_NE(unfolded.find("NOTE:" + note + "\r\n"), std::string::npos);
}
