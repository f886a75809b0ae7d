// A database with everything a report shows: two completed crawl runs over
// the sources "alpha" and "beta", open and closed postings, matched and not
// (by the default [match] rules), salaries, and titles that try to inject
// markup and script. Shared by the report's command and browser tests.
#ifndef JOBCRAWLER_TESTS_APP_REPORT_REPORT_FIXTURE_H_
#define JOBCRAWLER_TESTS_APP_REPORT_REPORT_FIXTURE_H_

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "storage/sqlite_store.h"

namespace jobcrawler::testing {

struct FixturePosting {
  std::string title;
  std::string company;
  std::string locality;
  std::string postal_code;
  std::string url;
  std::vector<std::string> sources;  // where it is seen
  std::optional<double> salary_min;
  std::optional<double> salary_max;
  std::string salary_period;
  bool matched = true;  // by the default rules
  bool closes = false;  // missing from the second run: closed by it
};

// Hostile values: any of them rendered as markup would set window.__pwned.
inline const std::string kImgTitle = "IT-Leiter <img src=x onerror=\"window.__pwned=1\">";
inline const std::string kScriptTitle = "Leiter IT </script><script>window.__pwned=2</script>";
inline const std::string kSvgCompany = "\"><svg onload=window.__pwned=3>";
inline const std::string kScriptUrl = "javascript:window.__pwned=4";

inline std::vector<FixturePosting> FixturePostings() {
  return {
      {"IT-Leiter (m/w/d)", "Stadtwerke Hagen GmbH", "Hagen", "58095",
       "https://alpha.example/jobs/1", {"alpha"}, 85000, 105000, "YEAR"},
      {"Head of IT", "Muster AG", "Hagen", "58097", "https://beta.example/jobs/2", {"beta"}, 7000,
       9000, "MONTH"},
      {"CIO", "Enervie AG", "Hagen", "58093", "https://alpha.example/jobs/3", {"alpha", "beta"},
       std::nullopt, std::nullopt, ""},
      {kImgTitle, "<b>Böse</b> & Co", "Hagen", "58095", "https://alpha.example/jobs/4", {"alpha"},
       std::nullopt, std::nullopt, ""},
      {kScriptTitle, kSvgCompany, "Hagen", "58095", kScriptUrl, {"beta"}, std::nullopt,
       std::nullopt, ""},
      {"Koch (m/w/d)", "Gasthaus Hagen", "Hagen", "58095", "https://alpha.example/jobs/6",
       {"alpha"}, 2500, 2800, "MONTH", false},
      {"IT-Leiter (m/w/d)", "Isar GmbH", "München", "80331", "https://beta.example/jobs/7",
       {"beta"}, 90000, 90000, "YEAR", false},
      {"IT-Leiterin", "Gestern GmbH", "Hagen", "58095", "https://alpha.example/jobs/8", {"alpha"},
       std::nullopt, std::nullopt, "", true, true},
  };
}

// Counts the fixture's postings: open ones, matched or all.
inline int FixtureOpen(bool all) {
  int count = 0;
  for (const FixturePosting& posting : FixturePostings()) {
    count += !posting.closes && (all || posting.matched);
  }
  return count;
}

constexpr storage::UnixMillis kFixtureDay = 24LL * 3600 * 1000;

// One run at `start`: each posting seen on its sources' pages (posting i a
// day after posting i - 1), closing those missing after one missed run.
inline void FixtureRun(storage::SqliteStore& store, storage::UnixMillis start, bool second) {
  const std::int64_t run = store.BeginRun(start).value();
  const auto postings = FixturePostings();
  for (std::size_t i = 0; i < postings.size(); ++i) {
    const FixturePosting& p = postings[i];
    if (second && p.closes) continue;
    for (const std::string& source : p.sources) {
      const std::string page = "https://" + source + ".example/list/" + std::to_string(i);
      const storage::UnixMillis at = start + static_cast<storage::UnixMillis>(i) * kFixtureDay;
      ASSERT_TRUE(store.AddToFrontier(run, {{page, "https://" + source, source, 0, 0}}).ok());
      auto leased = store.LeaseFrontier(run, 10, 10, at, {});
      ASSERT_TRUE(leased.ok() && leased->size() == 1);
      storage::PageWrite write;
      write.page.frontier_id = leased->front().id;
      write.page.url = write.page.final_url = page;
      write.page.source = source;
      write.page.http_status = 200;
      write.page.content_type = "text/html";
      write.page.fetched_at = at;
      parsers::Posting job;
      job.title = p.title;
      job.company = p.company;
      job.locality = p.locality;
      job.postal_code = p.postal_code;
      job.country = "DE";
      // A job on several boards has a URL on each (joined by title, company
      // and place).
      job.url = p.sources.size() > 1 ? "https://" + source + ".example/shared/" + std::to_string(i)
                                     : p.url;
      job.salary_min = p.salary_min;
      job.salary_max = p.salary_max;
      if (p.salary_min || p.salary_max) job.salary_currency = "EUR";
      job.salary_period = p.salary_period;
      write.sightings.push_back({job, page, p.matched});
      ASSERT_TRUE(store.RecordPage(run, write).ok());
    }
  }
  const storage::UnixMillis end = start + 10 * kFixtureDay;
  ASSERT_TRUE(store.CloseStale(run, {"alpha", "beta"}, {1, "2000-01-01", end}).ok());
  ASSERT_TRUE(store.FinishRun(run, storage::RunStatus::kCompleted, {}, end).ok());
}

// Creates the fixture database at `path`; the runs end before `now`.
inline void SeedReportFixture(const std::string& path, storage::UnixMillis now) {
  auto store = storage::SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  FixtureRun(*store.value(), now - 40 * kFixtureDay, false);
  FixtureRun(*store.value(), now - 20 * kFixtureDay, true);
}

// A config with the sources "alpha" and "beta" and the given locale.
inline std::string WriteFixtureConfig(const std::string& path, const std::string& locale) {
  std::ofstream(path) << "[report]\nlocale = \"" << locale << "\"\n"
                      << "[[sources]]\nname = \"alpha\"\nstart_urls = [\"https://alpha.example/\"]\n"
                      << "[[sources]]\nname = \"beta\"\nstart_urls = [\"https://beta.example/\"]\n";
  return path;
}

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_APP_REPORT_REPORT_FIXTURE_H_
