// SqliteStore: a job whose title carries its place on one board and not on
// another is one record, in new databases and in those written before the
// title key left such places out.
#include <gtest/gtest.h>

#include <algorithm>

#include "storage/sqlite.h"
#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::storage {
namespace {

using testing::Seen;

parsers::Posting Ad(std::string title, std::string url = "") {
  parsers::Posting posting = testing::Job(std::move(title), "Muster GmbH", "Hagen", std::move(url));
  posting.postal_code = "58095";
  return posting;
}

class TitleKeyStore : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.ok());
    Reopen();
  }

  void Reopen() {
    store_.reset();
    store_ = testing::OpenStore(dir_.File("jobs.db"));
    ASSERT_TRUE(store_);
    run_ = store_->BeginRun(++now_).value();
  }

  // Runs `sql` on the database file with the store closed, as an older
  // program would have left it.
  void Rewrite(const std::string& sql) {
    store_.reset();
    auto db = sqlite::Database::Open(dir_.File("jobs.db"));
    ASSERT_TRUE(db.ok()) << db.status().message();
    Status status = db->Exec(sql, "rewriting the database");
    ASSERT_TRUE(status.ok()) << status.message();
  }

  PageWriteResult JobPage(const std::string& url, const std::string& title) {
    return testing::Record(*store_, run_, url, {Seen(Ad(title, url), url)}, now_);
  }

  std::vector<std::string> Keys(std::int64_t id) {
    auto explained = store_->ExplainPosting(id);
    EXPECT_TRUE(explained.ok() && explained.value());
    return explained.ok() && explained.value() ? explained.value()->keys
                                               : std::vector<std::string>{};
  }

  jobcrawler::testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
  std::int64_t run_ = 0;
  UnixMillis now_ = 1000;
};

// Regression: the two stayed two rows.
TEST_F(TitleKeyStore, TheSameJobWithItsPlaceInTheTitleIsOneRecord) {
  JobPage("https://a.example/1", "IT-Leiter (w/m/d) – Hagen");
  PageWriteResult second = JobPage("https://b.example/2", "IT-Leiter (m/w/d)");
  EXPECT_EQ(second.postings_new, 0);
  std::vector<PostingRow> rows = testing::List(*store_);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].also_seen_at, std::vector<std::string>{"https://b.example/2"});
  JobPage("https://c.example/3", "IT-Leiter (m/w/d) in Hagen");
  JobPage("https://d.example/4", "IT-Leiter (m/w/d) | Hagen");
  EXPECT_EQ(testing::List(*store_).size(), 1u);
}

TEST_F(TitleKeyStore, AnotherPlaceInTheTitleStaysAnotherJob) {
  JobPage("https://a.example/1", "IT-Leiter (m/w/d) – Dortmund");
  JobPage("https://b.example/2", "IT-Leiter (m/w/d)");
  JobPage("https://c.example/3", "Leiter IT Hagen");
  EXPECT_EQ(testing::List(*store_).size(), 3u);
}

// A database written before: the posting has only the key of its whole
// title. Opening the store gives it the current key, so the same job
// without the place joins it.
TEST_F(TitleKeyStore, OpeningAnOlderDatabaseGivesItsPostingsTheCurrentKey) {
  JobPage("https://a.example/1", "IT-Leiter (w/m/d) – Hagen");
  Rewrite(
      "DELETE FROM posting_keys WHERE key LIKE 'tcl:%';"
      "INSERT INTO posting_keys (key, posting_id)"
      "  SELECT 'tcl:it leiter – hagen|muster|hagen', id FROM postings;"
      "DELETE FROM derived_versions;");
  Reopen();
  std::int64_t id = testing::List(*store_).at(0).id;
  std::vector<std::string> keys = Keys(id);
  EXPECT_NE(std::find(keys.begin(), keys.end(), "tcl:it leiter|muster|hagen"), keys.end());
  EXPECT_NE(std::find(keys.begin(), keys.end(), "tcl:it leiter – hagen|muster|hagen"), keys.end())
      << "old keys stay";

  JobPage("https://b.example/2", "IT-Leiter (m/w/d)");
  EXPECT_EQ(testing::List(*store_).size(), 1u);
}

TEST_F(TitleKeyStore, RefreshingKeysIsDoneOnce) {
  JobPage("https://a.example/1", "IT-Leiter (w/m/d) – Hagen");
  Rewrite("DELETE FROM posting_keys WHERE key LIKE 'tcl:%';");
  Reopen();
  std::int64_t id = testing::List(*store_).at(0).id;
  EXPECT_EQ(Keys(id), std::vector<std::string>{"url:https://a.example/1"})
      << "the keys were current already: nothing recomputed";
}

// A posting stored before may be known by the older key of a title other
// than its best one; a sighting without its own URL (one of several on a
// listing) finds it by that key.
TEST_F(TitleKeyStore, ASightingFindsAPostingByTheOlderFormOfItsKey) {
  JobPage("https://a.example/1", "Leiter IT (m/w/d)");
  Rewrite(
      "INSERT INTO posting_keys (key, posting_id)"
      "  SELECT 'tcl:it leiter – hagen|muster|hagen', id FROM postings;");
  Reopen();
  PageWriteResult listing =
      testing::Record(*store_, run_, "https://list.example/",
                      {Seen(Ad("IT-Leiter (m/w/d) – Hagen"), "https://list.example/"),
                       Seen(Ad("CIO (m/w/d)"), "https://list.example/")},
                      now_);
  EXPECT_EQ(listing.postings_new, 1) << "the CIO";
  EXPECT_EQ(listing.postings_updated, 1) << "the IT-Leiter joined the stored posting";
  EXPECT_EQ(testing::List(*store_).size(), 2u);
}

}  // namespace
}  // namespace jobcrawler::storage
