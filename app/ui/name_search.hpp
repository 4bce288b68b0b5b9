#pragma once
// Finding a person from a few letters typed on the staff keyboard: any part of the name
// in its own script ("王", "عبد"), its Latin transliteration by ICU ("wang" finds 王芳,
// "abd" finds عبد الرحمن, "thao" finds Thảo, "kim" finds 김민준), the email or a ticket
// code. The keys are made once per roster, so a keystroke only compares strings.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/kiosk/front_desk.hpp"

namespace rapport::ui {

// Lower-case Latin letters, digits and single spaces: ICU's Any-Latin, then Latin-ASCII
// ("王芳" -> "wang fang", "Thảo Nguyễn" -> "thao nguyen", "עברית" -> "bryt").
std::string fold_for_search(std::string_view s);

class NameIndex {
 public:
  explicit NameIndex(const std::vector<PublicPerson>& roster);
  ~NameIndex();
  struct Found {
    std::vector<size_t> hits;  // indices into the roster, best first, at most `limit`
    size_t total = 0;          // how many matched in all
  };
  Found find(std::string_view query, size_t limit) const;
  size_t size() const { return people_.size(); }

 private:
  struct Keys {
    std::string own;       // the name in its own script, case-folded (NFKC)
    std::string latin;     // fold_for_search of the name
    std::string variant;   // another common spelling (Korean initials k/t/p/ch), or empty
    std::string skeleton;  // Arabic and Hebrew: consonants only (short vowels are not written)
    std::vector<std::string> staff;  // email and ticket codes, lower case
    std::string sort;
  };
  std::vector<Keys> people_;
};

// Compatibility for callers that search once (tests, small rosters).
std::vector<size_t> find_people(const std::vector<PublicPerson>& roster, std::string_view query, size_t limit);

}  // namespace rapport::ui
