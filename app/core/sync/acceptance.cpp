#include "core/sync/acceptance.hpp"

#include <map>

namespace rapport {

namespace {
struct KindName {
  const char* kind;
  const char* label;
};
constexpr KindName kKinds[] = {
    {"shared_interest", "shared interest"},         {"you_could_help", "you could help"},
    {"they_could_help", "they could help"},         {"outside_your_circle", "outside your circle"},
    {"looking_for_you", "looking for you"},         {kIntroductionKind, "introductions"},
};
}  // namespace

Result<Acceptance> compute_acceptance(Db& db) {
  // SQLite takes the bare column `kind` from the row holding min(at): the first showing.
  std::map<std::string, AcceptanceFigure> by_kind;
  RAPPORT_TRY(db.each_row(R"sql(
SELECT x.kind, count(*),
       sum(EXISTS (SELECT 1 FROM connections c
                    WHERE c.a_id = min(x.for_id, x.shown_id) AND c.b_id = max(x.for_id, x.shown_id)
                      AND c.at >= x.first_at AND substr(c.at, 1, 10) = x.day))
  FROM (SELECT for_id, shown_id, kind, min(at) AS first_at, substr(at, 1, 10) AS day
          FROM suggestions_shown GROUP BY for_id, shown_id, substr(at, 1, 10)) x
 GROUP BY x.kind)sql",
                          [&](const Stmt& st) {
                            auto& f = by_kind[st.text(0)];
                            f.shown += st.integer(1);
                            f.met += st.integer(2);
                          }));
  Acceptance out;
  for (const auto& k : kKinds) {
    AcceptanceFigure f;
    f.kind = k.kind;
    f.label = k.label;
    if (auto it = by_kind.find(k.kind); it != by_kind.end()) f.shown = it->second.shown, f.met = it->second.met;
    if (f.kind != kIntroductionKind) out.overall.shown += f.shown, out.overall.met += f.met;
    out.kinds.push_back(f);
  }
  out.overall.label = "all suggestions";
  return out;
}

}  // namespace rapport
