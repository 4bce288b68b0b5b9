#include "core/roster/demo_event.hpp"

#include <fmt/format.h>

#include <random>
#include <set>
#include <vector>

#include "core/roster/csv.hpp"
#include "core/util/text.hpp"

namespace rapport {

namespace {

struct NamePool {
  std::vector<const char*> first;
  std::vector<const char*> last;
};

// Names from many cultures, in their own scripts where that is how people write them.
const std::vector<NamePool>& name_pools() {
  static const std::vector<NamePool> pools = {
      {{"Ana", "José", "Lucía", "Mateo", "Valentina", "Diego", "Camila", "Javier"},
       {"García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez"}},
      {{"Thảo", "Minh", "Linh", "Quang", "Hương", "Tuấn"}, {"Nguyễn", "Trần", "Lê", "Phạm", "Võ"}},
      {{"芳", "伟", "娜", "磊", "静"}, {"王", "李", "张", "刘", "陈"}},
      {{"Łukasz", "Agnieszka", "Zofia", "Paweł", "Małgorzata"}, {"Kowalski", "Wójcik", "Nowak", "Dąbrowska"}},
      {{"Amara", "Chinedu", "Ngozi", "Kwame", "Ama", "Tunde"}, {"Okafor", "Mensah", "Adeyemi", "Nwosu"}},
      {{"Priya", "Arjun", "Ananya", "Rohan", "Kavya"}, {"Sharma", "Patel", "Iyer", "Reddy", "Nair"}},
      {{"Yuki", "Haruto", "Sakura", "Ren", "Aoi"}, {"Tanaka", "Suzuki", "Sato", "Watanabe"}},
      {{"Fatima", "Omar", "Layla", "Youssef", "Nour"}, {"Haddad", "Khalil", "Mansour", "Aziz"}},
      {{"Emma", "Liam", "Olivia", "Noah", "Sophie", "Ben", "Carla", "Grace"},
       {"Smith", "Johnson", "Brown", "Walker", "O'Neill", "Taylor"}},
      {{"Ingrid", "Lars", "Freya", "Sven", "Astrid"}, {"Johansson", "Larsen", "Nilsen", "Berg"}},
      {{"Олена", "Андрій", "Марія", "Дмитро"}, {"Шевченко", "Коваленко", "Бондаренко"}},
      {{"Jiwoo", "Minjun", "Seoyeon", "Hyun"}, {"Kim", "Park", "Choi", "Jung"}},
  };
  return pools;
}

// Professional topic clusters: people in one cluster share interests, and what some
// are looking for, others in the cluster can help with.
struct Cluster {
  std::vector<const char*> interests;
  std::vector<const char*> needs;  // things one can look for or help with
};

const std::vector<Cluster>& clusters() {
  static const std::vector<Cluster> all = {
      {{"climate data", "renewable energy", "carbon accounting", "sustainability"},
       {"grid modelling", "ESG reporting", "climate policy advice"}},
      {{"UX research", "accessibility", "design systems", "product design"},
       {"UX mentoring", "usability testing", "portfolio review"}},
      {{"machine learning", "data engineering", "LLMs", "MLOps"},
       {"model evaluation", "data pipelines", "GPU budgeting"}},
      {{"open source", "Rust", "developer tools", "compilers"},
       {"maintainer burnout advice", "code review", "community building"}},
      {{"fundraising", "startups", "go-to-market", "angel investing"},
       {"seed funding", "pitch feedback", "hiring a first engineer"}},
      {{"healthcare", "bioinformatics", "medical devices", "public health"},
       {"clinical trial design", "regulatory advice", "health data privacy"}},
      {{"education", "edtech", "learning science", "mentoring"},
       {"curriculum design", "teaching volunteers", "career advice"}},
      {{"security", "privacy", "cryptography", "incident response"},
       {"threat modelling", "security review", "GDPR advice"}},
  };
  return all;
}

const std::vector<const char*>& personal_interests() {
  static const std::vector<const char*> all = {
      "water skiing", "marathons", "sourdough baking", "chess", "rock climbing", "jazz piano",
      "birdwatching", "board games", "salsa dancing", "cycling", "photography", "gardening",
      "knitting", "sailing", "calligraphy", "sci-fi novels", "trail running", "pottery",
      "karaoke", "beekeeping", "surfing", "origami", "tango", "astronomy"};
  return all;
}

const std::vector<const char*>& companies() {
  static const std::vector<const char*> all = {"Acme Labs", "Northwind", "Globex", "Initech",
                                               "Umbrella Health", "Hooli", "Stark Studio",
                                               "Wayne Data", "Tyrell Bio", "Freelance"};
  return all;
}

const std::vector<const char*>& titles() {
  static const std::vector<const char*> all = {"Engineer", "Designer", "Founder", "Researcher",
                                               "Product Manager", "Student", "Director", "Consultant"};
  return all;
}

std::string email_local(const std::string& first, size_t index) {
  std::string out;
  for (char c : first)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) out += static_cast<char>(c | 0x20);
  if (out.empty()) out = "guest";
  return fmt::format("{}.{}", out, index + 1);
}

}  // namespace

std::string demo_roster_csv(const DemoEventOptions& options) {
  std::mt19937_64 rng(options.seed);
  auto pick = [&](const auto& v) { return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)]; };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

  std::string out = csv_line({"id", "first_name", "last_name", "email", "company", "title", "interests",
                              "personal_interests", "looking_for", "can_help_with", "consent",
                              "ticket_code"});
  const auto& cl = clusters();
  for (size_t i = 0; i < options.attendees; ++i) {
    const NamePool& pool = pick(name_pools());
    std::string first = pick(pool.first), last = pick(pool.last);
    const Cluster& home = cl[std::uniform_int_distribution<size_t>(0, cl.size() - 1)(rng)];
    std::set<std::string> interests;
    size_t n_interests = 2 + rng() % 2;
    while (interests.size() < n_interests) interests.insert(pick(home.interests));
    if (chance(0.3)) interests.insert(pick(pick(cl).interests));  // a second circle
    std::set<std::string> personal;
    size_t n_personal = 1 + rng() % 2;
    while (personal.size() < n_personal) personal.insert(pick(personal_interests()));
    std::set<std::string> looking, helping;
    looking.insert(pick(home.needs));
    helping.insert(pick(home.needs));
    if (chance(0.4)) helping.insert(pick(pick(cl).needs));
    for (const auto& h : helping) looking.erase(h);
    while (looking.empty()) {
      std::string want = pick(pick(cl).needs);
      if (!helping.count(want)) looking.insert(want);
    }
    auto join = [](const std::set<std::string>& s) {
      std::string r;
      for (const auto& x : s) r += (r.empty() ? "" : ";") + x;
      return r;
    };
    std::string id = fmt::format("A{:05d}", i + 1);
    std::string ticket = fmt::format("T-{:016X}", static_cast<uint64_t>(rng()));
    out += csv_line({id, first, last, email_local(first, i) + "@example.org", pick(companies()),
                     pick(titles()), join(interests), join(personal), join(looking), join(helping),
                     chance(0.85) ? "yes" : "no", ticket});
  }
  return out;
}

}  // namespace rapport
